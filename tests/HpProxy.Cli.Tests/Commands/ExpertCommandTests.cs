using HpProxy.Cli.Commands;
using HpProxy.Cli.Parsing;
using HpProxy.Cli.Tests.Support;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Experts;
using HpProxy.Scheduling.Catalog;

namespace HpProxy.Cli.Tests.Commands;

public sealed class ExpertCommandTests
{
    private static ParsedCommand Parse(params string[] args) => ArgParser.Parse(args, [ExpertCommand.Spec]);

    [Fact]
    public void Train_takes_a_task_steps_and_an_output_file()
    {
        var (o, output) = ExpertCommand.Parse(Parse("expert", "train", "hopper", "--steps", "200000", "--out", "x/h.expert", "--seed", "3"));

        Assert.Equal("hopper", o.Task);
        Assert.Equal("sac", o.Config.Backbone);
        Assert.Equal(200_000, o.Config.Steps);
        Assert.Equal(3UL, o.Config.Seed);
        Assert.Equal("x/h.expert", output);
    }

    [Fact]
    public void The_default_output_is_the_experts_folder_and_the_default_budget_a_million_steps()
    {
        var (o, output) = ExpertCommand.Parse(Parse("expert", "train", "walker2d"));

        Assert.Equal(Path.Combine("experts", "walker2d.expert"), output);
        Assert.Equal(1_000_000, o.Config.Steps);
    }

    [Theory]
    [InlineData("expert", "fit", "hopper")]
    [InlineData("expert", "train")]
    [InlineData("expert", "train", "hopper", "extra")]
    [InlineData("expert", "train", "hopper", "--steps", "many")]
    public void Bad_arguments_are_usage_errors(params string[] args)
    {
        Assert.Throws<UsageException>(() => ExpertCommand.Parse(Parse(args)));
    }

    [Fact]
    public void Training_writes_an_artifact_that_loads()
    {
        string dir = Path.Combine(Path.GetTempPath(), "hpproxy-expert-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            string file = Path.Combine(dir, "pointmass.expert");
            var output = new StringWriter();
            var ctx = new CliContext(CliRunner.Services(), output, new StringWriter(), interactive: false);
            var cmd = Parse("expert", "train", "pointmass", "--steps", "300", "--checkpoints", "1", "--episodes", "1",
                "--hidden-units", "8", "--batch-size", "16", "--out", file);

            Assert.Equal(0, ExpertCommand.Execute(cmd, ctx, new ProductCatalog(new ClassicControlTasks()), CancellationToken.None));

            var artifact = ExpertArtifact.Load(file);
            Assert.Equal("pointmass", artifact.Task);
            Assert.Equal(300, artifact.Training.Steps);
            Assert.NotNull(artifact.Training.NormalizedScore); // pointmass has a scripted demonstrator to score against
            Assert.Contains("saved", output.ToString());
            Assert.Contains(ExpertCommand.PartialPath(file), output.ToString());
            Assert.False(File.Exists(ExpertCommand.PartialPath(file)), "the best-so-far copy is removed once the expert is saved");
            Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
