using HpProxy.Cli.Commands;
using HpProxy.Cli.Parsing;
using HpProxy.Cli.Tests.Support;
using HpProxy.Core.Envs.Classic;
using HpProxy.Scheduling.Catalog;

namespace HpProxy.Cli.Tests.Commands;

public sealed class SanityCommandTests
{
    private static ParsedCommand Parse(params string[] args) => ArgParser.Parse(args, [SanityCommand.Spec]);

    [Fact]
    public void Backbone_task_and_options_are_parsed()
    {
        var o = SanityCommand.Parse(Parse("sanity", "td3", "pendulum", "--steps", "5e3", "--seed=9", "--checkpoints", "5", "--hidden-units", "64", "--batch-size", "128"));

        Assert.Equal("pendulum", o.Task);
        Assert.Equal("td3", o.Config.Backbone);
        Assert.Equal(5000, o.Config.Steps);
        Assert.Equal(9UL, o.Config.Seed);
        Assert.Equal(5, o.Config.Checkpoints);
        Assert.Equal(64, o.Config.Hyperparameters.GetInt("hidden_units", 0));
        Assert.Equal(128, o.Config.Hyperparameters.GetInt("batch_size", 0));
    }

    [Fact]
    public void Defaults_apply_when_options_are_absent()
    {
        var o = SanityCommand.Parse(Parse("sanity", "sac", "pointmass"));

        Assert.Equal(SanityCommand.DefaultSteps, o.Config.Steps);
        Assert.Equal(0UL, o.Config.Seed);
        Assert.Equal(10, o.Config.Checkpoints);
        Assert.Empty(o.Config.Hyperparameters);
    }

    [Theory]
    [InlineData("sanity", "ppo", "pendulum")]
    [InlineData("sanity", "sac")]
    [InlineData("sanity", "sac", "pendulum", "--steps", "0")]
    [InlineData("sanity", "sac", "pendulum", "--steps", "1.5")]
    [InlineData("sanity", "sac", "pendulum", "--seed", "-1")]
    [InlineData("sanity", "sac", "pendulum", "--steps", "3", "--checkpoints", "4")]
    public void Bad_arguments_are_usage_errors(params string[] args)
    {
        Assert.Throws<UsageException>(() => SanityCommand.Parse(Parse(args)));
    }

    [Fact]
    public void A_short_run_prints_one_line_per_checkpoint_with_its_score()
    {
        var output = new StringWriter();
        var ctx = new CliContext(CliRunner.Services(), output, new StringWriter(), interactive: false);
        var cmd = Parse("sanity", "sac", "pendulum", "--steps", "400", "--checkpoints", "2", "--episodes", "1", "--hidden-units", "8", "--batch-size", "16");

        int code = SanityCommand.Execute(cmd, ctx, new ProductCatalog(new ClassicControlTasks()), CancellationToken.None);

        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("TRUE reward of pendulum", lines[0]);
        Assert.Contains("demonstrator", lines[1]);
        Assert.Equal(2, lines.Count(l => l.TrimStart().StartsWith("200 ", StringComparison.Ordinal) || l.TrimStart().StartsWith("400 ", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_unknown_task_is_a_usage_error()
    {
        var ctx = new CliContext(CliRunner.Services(), new StringWriter(), new StringWriter(), interactive: false);
        Assert.Throws<UsageException>(() => SanityCommand.Execute(Parse("sanity", "sac", "nope"), ctx, new ProductCatalog(new ClassicControlTasks()), CancellationToken.None));
    }

    [Fact]
    public void The_dispatcher_knows_sanity_and_expert()
    {
        var help = CliRunner.Run(CliRunner.Services(), "help");
        Assert.Contains("sanity", help.Out + help.Err);
        Assert.Contains("expert", help.Out + help.Err);

        var bad = CliRunner.Run(CliRunner.Services(), "sanity", "ppo", "pendulum");
        Assert.Equal(ExitCodes.BadInput, bad.ExitCode);
        Assert.Contains("unknown backbone", bad.Err);
        Assert.Equal(ExitCodes.BadInput, CliRunner.Run(CliRunner.Services(), "expert", "fit", "hopper").ExitCode);
    }
}
