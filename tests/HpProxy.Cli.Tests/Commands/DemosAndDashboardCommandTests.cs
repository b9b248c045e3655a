using HpProxy.Cli.Tests.Support;
using HpProxy.Storage.Datasets;

namespace HpProxy.Cli.Tests.Commands;

public sealed class DemosAndDashboardCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Demos_generate_writes_an_rlds_parquet_file_that_show_reads_back()
    {
        string file = Path.Combine(_dir.Path, "demos", "pendulum.parquet");
        var generated = CliRunner.Run(CliRunner.Services(), "demos", "generate", "pendulum", "--regime", "human-like",
            "--params", "noise=0.3,correlation=0.8", "--episodes", "3", "--seed", "7", "--out", file);
        Assert.Equal(0, generated.ExitCode);
        Assert.Contains("3 episodes of pendulum", generated.Out);

        var (info, episodes) = DemonstrationDataset.Read(file);
        Assert.Equal("pendulum", info.Task);
        Assert.Equal("human-like", info.Regime);
        Assert.Equal(3, episodes.Count);
        Assert.All(episodes, e => Assert.Equal(200, e.Length));

        var shown = CliRunner.Run(CliRunner.Services(), "demos", "show", file);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("episodes      3 (0 terminated, 3 truncated)", shown.Out);
    }

    [Fact]
    public void Demos_generate_is_deterministic_in_its_seed()
    {
        string a = Path.Combine(_dir.Path, "a.parquet"), b = Path.Combine(_dir.Path, "b.parquet");
        CliRunner.Run(CliRunner.Services(), "demos", "generate", "pointmass", "--episodes", "2", "--seed", "3", "--out", a);
        CliRunner.Run(CliRunner.Services(), "demos", "generate", "pointmass", "--episodes", "2", "--seed", "3", "--out", b);
        var x = DemonstrationDataset.Read(a).Episodes;
        var y = DemonstrationDataset.Read(b).Episodes;
        Assert.Equal(x.Select(e => e.Return()), y.Select(e => e.Return()));
    }

    [Theory]
    [InlineData("demos", "generate", "no-such-task", "--out", "x.parquet")]
    [InlineData("demos", "generate", "pendulum", "--regime", "human-like", "--params", "nosie=0.3", "--out", "x.parquet")]
    [InlineData("demos", "generate", "pendulum")]
    [InlineData("demos", "frobnicate", "pendulum")]
    [InlineData("demos", "show", "/no/such/file.parquet")]
    public void Bad_demos_arguments_are_usage_errors(params string[] args)
    {
        var r = CliRunner.Run(CliRunner.Services(), args);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("hpproxy: ", r.Err);
    }

    [Fact]
    public void The_dashboard_refuses_a_non_loopback_address_without_a_token()
    {
        // An existing (empty) study, so the refusal is about the address, not a missing study.
        using (var store = HpProxy.Storage.StudyStoreFactory.Open(_dir.Path, "quick"))
        {
            store.SaveStudy("quick", "hash", "name: quick", "test");
        }
        var r = CliRunner.Run(CliRunner.Services(), "dashboard", "quick", "--results", _dir.Path, "--urls", "http://0.0.0.0:5199");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("token", r.Err);
    }
}
