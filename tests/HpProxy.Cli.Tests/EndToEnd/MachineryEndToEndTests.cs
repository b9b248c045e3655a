using System.Text.Json;
using HpProxy.Cli.Tests.Support;
using HpProxy.Scheduling.Jobs;
using HpProxy.Storage;

namespace HpProxy.Cli.Tests.EndToEnd;

/// <summary>
/// The machinery through the real command line and real processes: a coordinator (<c>resume</c>), two worker
/// processes, Hangfire on SQLite, the SQLite study store. Training is replaced by synthetic work
/// (<see cref="SyntheticRunWork"/>: 3 checkpoints a few hundred ms apart) and the lease is shortened, so a crash
/// is recovered in seconds. The study is planned straight into the store (the loader has its own tests).
/// </summary>
public sealed class MachineryEndToEndTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Results => Path.Combine(_dir.Path, "results");

    private static Dictionary<string, string> Env(string work) => new()
    {
        ["HPPROXY_LEASE_SECONDS"] = "3",
        [SyntheticRunWork.EnvironmentVariable] = work,
    };

    private void Plan(string study, int runs)
    {
        using var store = StudyStoreFactory.Open(Results, study);
        var planned = FakeFrontEnd.Study(study, runs);
        store.SaveStudy(planned.Name, planned.FileHash, planned.FileText, "test");
        store.AddRuns(planned.Runs);
    }

    [Fact]
    public void Two_worker_processes_finish_a_study_and_status_reports_it()
    {
        Plan("tiny", 6);

        var run = CliProcess.Run(Env("3x200"), Patience, "resume", "tiny", "--workers", "2", "--results", Results);
        var status = CliProcess.Run(Env("3x200"), Patience, "status", "tiny", "--json", "--results", Results);

        Assert.True(run.Code == 0, $"exit {run.Code}\n{run.Out}\n{run.Err}");
        Assert.Contains("6 succeeded, 0 failed, 0 cancelled of 6 runs", run.Out);
        Assert.Equal(0, status.Code);
        var json = JsonDocument.Parse(status.Out).RootElement;
        Assert.Equal(6, json.GetProperty("total").GetInt32());
        Assert.Equal(6, json.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, json.GetProperty("pending").GetInt32() + json.GetProperty("running").GetInt32() + json.GetProperty("failed").GetInt32());
        using var store = StudyStoreFactory.Open(Results, "tiny");
        Assert.Equal(18, store.GetCheckpoints().Count);
        Assert.True(File.Exists(Path.Combine(Results, "tiny", "logs", "worker-0.log")));
        Assert.True(File.Exists(Path.Combine(Results, "tiny", "logs", "worker-1.log")));
        Assert.True(File.Exists(Path.Combine(Results, "tiny", "hangfire.db")));
        string report = Path.Combine(Results, "tiny", "report");
        Assert.Contains($"report: {Path.Combine(report, "index.html")}", run.Out);
        Assert.True(File.Exists(Path.Combine(report, "index.html")));
        Assert.True(File.Exists(Path.Combine(report, "report.md")));

        // The report is rebuilt from stored rows alone.
        File.Delete(Path.Combine(report, "report.md"));
        var rebuilt = CliProcess.Run(Env("3x200"), Patience, "report", "tiny", "--results", Results);
        Assert.True(rebuilt.Code == 0, rebuilt.Err);
        Assert.True(File.Exists(Path.Combine(report, "report.md")));
    }

    [Fact]
    public void A_worker_killed_mid_study_has_its_run_redone_and_every_checkpoint_appears_once()
    {
        const int runs = 8;
        Plan("crash", runs);
        using var coordinator = new CliProcess(Env("3x700"), "resume", "crash", "--workers", "2", "--no-report", "--results", Results);

        // Wait for a worker to hold a run mid-way, then kill that worker outright (SIGKILL: no cleanup at all).
        string? victimRun = null;
        var deadline = DateTime.UtcNow + Patience;
        using (var store = StudyStoreFactory.Open(Results, "crash"))
        {
            while (victimRun is null && DateTime.UtcNow < deadline)
            {
                var held = store.GetRuns().FirstOrDefault(r => r.State == RunState.Running && r.Owner is not null);
                if (held is not null && int.TryParse(held.Owner!.Split(':')[1], out int pid))
                {
                    Thread.Sleep(300); // let it reach a checkpoint or two
                    try
                    {
                        System.Diagnostics.Process.GetProcessById(pid).Kill();
                        victimRun = held.RunId;
                    }
                    catch (ArgumentException)
                    {
                        // That worker is already gone; pick another.
                    }
                }
                else
                {
                    Thread.Sleep(50);
                }
            }
        }
        Assert.NotNull(victimRun);

        int code = coordinator.Wait(Patience);

        Assert.True(code == 0, $"exit {code}\n{coordinator.Out}\n{coordinator.Err}");
        using var check = StudyStoreFactory.Open(Results, "crash");
        var all = check.GetRuns();
        Assert.All(all, r => Assert.Equal(RunState.Succeeded, r.State));
        Assert.True(all.Single(r => r.RunId == victimRun).Attempts >= 2, "the killed run was not redone");
        var checkpoints = check.GetCheckpoints();
        Assert.Equal(runs * 3, checkpoints.Count);
        Assert.All(checkpoints.GroupBy(c => c.RunId), g => Assert.Equal([0, 1, 2], g.Select(c => c.CheckpointIndex).Order()));
        string log = File.ReadAllText(Path.Combine(Results, "crash", "logs", "coordinator.log"));
        Assert.Contains("exited with code 137", log);
        // Redone by the next job any worker took once the lease expired (each job claims the first claimable run in
        // plan order, decision 0009), whichever run's job that was; the coordinator re-enqueues only a shortfall.
        var workerLogs = Directory.GetFiles(Path.Combine(Results, "crash", "logs"), "worker-*.log").SelectMany(File.ReadAllLines);
        Assert.Contains(workerLogs, line => line.Contains($"run {victimRun}: claimed by", StringComparison.Ordinal) && line.Contains("(attempt 2)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_graceful_stop_gives_running_runs_back_at_once_and_resume_finishes_them_without_waiting_for_a_lease()
    {
        const int runs = 6;
        Plan("stop", runs);
        // The default 60 s lease on purpose: nothing below may wait for it.
        var env = new Dictionary<string, string> { [SyntheticRunWork.EnvironmentVariable] = "3x1000" };
        using (var coordinator = new CliProcess(env, "resume", "stop", "--workers", "2", "--no-report", "--results", Results))
        {
            var deadline = DateTime.UtcNow + Patience;
            using (var store = StudyStoreFactory.Open(Results, "stop"))
            {
                while (store.GetProgress().Running < 2 && DateTime.UtcNow < deadline) Thread.Sleep(50);
                Assert.Equal(2, store.GetProgress().Running);
            }
            Thread.Sleep(500); // both runs are mid-way (a checkpoint every second)
            using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", coordinator.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }
            int code = coordinator.Wait(Patience);
            Assert.True(code == 1, $"exit {code}\n{coordinator.Out}\n{coordinator.Err}");
            Assert.Contains("interrupted; nothing is lost", coordinator.Err);
        }

        using (var store = StudyStoreFactory.Open(Results, "stop"))
        {
            var p = store.GetProgress();
            Assert.Equal(0, p.Running); // released, not left to a lease
            Assert.Equal(runs, p.Pending + p.Succeeded);
            Assert.All(store.GetRuns().Where(r => r.State == RunState.Pending), r => Assert.Equal((0, (string?)null), (r.Attempts, r.Owner)));
            Assert.Equal(p.Pending, store.RunsToEnqueue(DateTimeOffset.UtcNow).Count);
        }
        string workerLogs = File.ReadAllText(Path.Combine(Results, "stop", "logs", "worker-0.log"))
            + File.ReadAllText(Path.Combine(Results, "stop", "logs", "worker-1.log"));
        Assert.Contains("claim released, the run is pending again", workerLogs);

        var resumed = CliProcess.Run(env, Patience, "resume", "stop", "--workers", "2", "--no-report", "--results", Results);

        Assert.True(resumed.Code == 0, $"exit {resumed.Code}\n{resumed.Out}\n{resumed.Err}");
        using var check = StudyStoreFactory.Open(Results, "stop");
        Assert.All(check.GetRuns(), r => Assert.Equal((RunState.Succeeded, 1), (r.State, r.Attempts)));
        Assert.DoesNotContain("again", File.ReadAllText(Path.Combine(Results, "stop", "logs", "coordinator.log")));
    }

    [Fact]
    public void Workers_that_cannot_start_end_the_run_with_exit_1_and_the_reason_in_their_log()
    {
        Plan("broken", 2);

        var r = CliProcess.Run(Env("not-a-spec"), Patience, "resume", "broken", "--workers", "1", "--no-report", "--results", Results);

        Assert.Equal(1, r.Code);
        Assert.Contains("worker processes in a row exited", r.Err);
        string log = File.ReadAllText(Path.Combine(Results, "broken", "logs", "worker-0.log"));
        Assert.Contains("HPPROXY_SYNTHETIC_WORK must look like 3x500", log);
    }

    [Fact]
    public void A_study_file_with_a_syntax_error_exits_2_with_its_location()
    {
        string file = _dir.File("broken.yaml", "name: broken\nseed: [1\n");

        var r = CliProcess.Run(new Dictionary<string, string>(), Patience, "run", file, "--results", Results);

        Assert.Equal(2, r.Code);
        Assert.StartsWith(file + ":", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
        Assert.False(Directory.Exists(Results));
    }

    [Fact]
    public void Unknown_commands_and_options_exit_2_through_the_real_entry_point()
    {
        var unknown = CliProcess.Run(new Dictionary<string, string>(), Patience, "frobnicate");
        var option = CliProcess.Run(new Dictionary<string, string>(), Patience, "status", "x", "--nope");
        var version = CliProcess.Run(new Dictionary<string, string>(), Patience, "version");

        Assert.Equal(2, unknown.Code);
        Assert.Contains("usage:", unknown.Err);
        Assert.Equal(2, option.Code);
        Assert.Equal(0, version.Code);
        Assert.StartsWith("hpproxy ", version.Out);
    }
}
