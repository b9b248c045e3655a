using System.Text.Json;
using HpProxy.Cli.Tests.Support;
using HpProxy.Storage;

namespace HpProxy.Cli.Tests.Commands;

/// <summary><c>hpproxy status</c> on a study whose coordinator and workers were killed (kill -9): the runs they left in
/// state running with an expired lease are stalled, not running (decision 0009).</summary>
public sealed class StatusCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Results => Path.Combine(_dir.Path, "results");

    /// <summary>A study of 6 runs: 1 succeeded, 2 left running by dead workers an hour ago (leases long expired), 1
    /// running under a live lease, 2 pending.</summary>
    private void StudyWithStrandedRuns()
    {
        string directory = Path.Combine(Results, "stuck");
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, StudyStoreFactory.SqliteFileName);
        using (var store = new SqliteStudyStore(path))
        {
            store.Migrate();
            store.SaveStudy("stuck", "hash", "name: stuck\n", "test");
            store.AddRuns(Enumerable.Range(1, 6).Select(i => new PlannedRun($"run{i}", "pendulum", "synthetic-5", "bc", "cfg", 0, "{}")));
            Assert.True(store.CompleteSucceeded(store.TryClaim("run1", "w:1:a", TimeSpan.FromMinutes(1))!, [], 1));
            Assert.NotNull(store.TryClaim("run4", "alive:3:d", TimeSpan.FromMinutes(30)));
        }
        // The dead workers claimed theirs an hour ago with a one-minute lease.
        using var past = new SqliteStudyStore(path, new FixedTime(DateTimeOffset.UtcNow - TimeSpan.FromHours(1)));
        Assert.NotNull(past.TryClaim("run2", "dead:1:b", TimeSpan.FromMinutes(1)));
        Assert.NotNull(past.TryClaim("run3", "dead:2:c", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Runs_left_running_by_dead_workers_show_as_stalled_not_running()
    {
        StudyWithStrandedRuns();

        var r = CliRunner.Run(CliRunner.Services(), "status", "stuck", "--results", Results);

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("runs: 6 total | succeeded 1 | running 1 | failed 0 | pending 2 | cancelled 0 | stalled 2", r.Out);
        Assert.Contains("stalled: 2 run(s) whose worker is gone (lease expired); redone first by the next free worker (none alive: hpproxy resume stuck", r.Out);
        Assert.Contains("workers alive: 0", r.Out);
    }

    [Fact]
    public void Json_status_counts_stalled_runs_apart_from_running_ones()
    {
        StudyWithStrandedRuns();

        var r = CliRunner.Run(CliRunner.Services(), "status", "stuck", "--json", "--results", Results);

        Assert.True(r.ExitCode == 0, r.Err);
        var status = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(
            (6, 1, 1, 2, 2, 0),
            (status.GetProperty("total").GetInt32(), status.GetProperty("succeeded").GetInt32(), status.GetProperty("running").GetInt32(),
                status.GetProperty("stalled").GetInt32(), status.GetProperty("pending").GetInt32(), status.GetProperty("workers").GetInt32()));
    }

    [Fact]
    public void A_study_without_stalled_runs_prints_no_stalled_line()
    {
        StudyWithStrandedRuns();
        using (var store = StudyStoreFactory.Open(Results, "stuck"))
        {
            // A new claim takes the stranded runs over (their leases expired), in plan order.
            Assert.Equal("run2", store.TryClaimInPlanOrder("run5", "new:4:e", TimeSpan.FromMinutes(30))!.RunId);
            Assert.Equal("run3", store.TryClaimInPlanOrder("run6", "new:4:f", TimeSpan.FromMinutes(30))!.RunId);
        }

        var r = CliRunner.Run(CliRunner.Services(), "status", "stuck", "--results", Results);

        Assert.Contains("runs: 6 total | succeeded 1 | running 3 | failed 0 | pending 2 | cancelled 0" + Environment.NewLine, r.Out);
        Assert.DoesNotContain("stalled", r.Out);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
