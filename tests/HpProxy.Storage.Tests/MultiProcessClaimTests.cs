using System.Diagnostics;
using HpProxy.Storage.Tests.Support;

namespace HpProxy.Storage.Tests;

/// <summary>
/// Separate worker processes (this assembly run as <see cref="ClaimWorkerProgram"/>) contend for the same runs
/// on one database: every run must be completed by exactly one process.
/// </summary>
public sealed class MultiProcessClaimTests
{
    private const int Runs = 100, Processes = 3;

    [Fact]
    public void Sqlite_worker_processes_complete_each_run_once()
    {
        using var target = new SqliteTarget();
        var store = target.OpenStore(TimeProvider.System);
        store.Migrate();
        RunWorkers(store, target.DatabasePath, "unused");
    }

    [Fact]
    public void Postgres_worker_processes_complete_each_run_once()
    {
        string study = "mp_" + Guid.NewGuid().ToString("N")[..12];
        using var store = new PostgresStudyStore(PostgresServer.ConnectionString, study);
        store.Migrate();
        try
        {
            RunWorkers(store, PostgresServer.ConnectionString, study);
        }
        finally
        {
            store.DropSchema();
        }
    }

    private static void RunWorkers(StudyStoreBase store, string target, string study)
    {
        store.AddRuns(Enumerable.Range(0, Runs).Select(i => new PlannedRun($"run{i:D4}", "t", "d", "a", "c", i, "{}")));
        string dll = typeof(ClaimWorkerProgram).Assembly.Location;
        var workers = new List<Process>();
        try
        {
            for (int w = 0; w < Processes; w++)
            {
                var psi = new ProcessStartInfo("dotnet", ["exec", dll, "claim-worker", target, study, $"proc{w}", Runs.ToString(System.Globalization.CultureInfo.InvariantCulture)])
                {
                    RedirectStandardInput = true,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                workers.Add(Process.Start(psi)!);
            }
            foreach (var p in workers) Assert.Equal("ready", p.StandardOutput.ReadLine());
            foreach (var p in workers) p.StandardInput.WriteLine("go"); // released together, so they contend
            var outputs = workers.Select(p => (Out: p.StandardOutput.ReadToEndAsync(), Err: p.StandardError.ReadToEndAsync())).ToList();
            foreach (var p in workers) Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "worker did not finish");
            var done = new List<string>();
            for (int w = 0; w < Processes; w++)
            {
                Assert.True(workers[w].ExitCode == 0, $"worker {w} failed: {outputs[w].Err.Result}");
                done.AddRange(outputs[w].Out.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            Assert.Equal(Runs, done.Count);
            Assert.Equal(Runs, done.Distinct().Count());
            Assert.Equal(new StudyProgress(Runs, 0, 0, Runs, 0, 0), store.GetProgress());
            Assert.All(store.GetRuns(), r => Assert.Equal(1, r.Attempts));
            Assert.Equal(Runs, store.GetCheckpoints().Count);
        }
        finally
        {
            foreach (var p in workers)
            {
                if (!p.HasExited) p.Kill();
                p.Dispose();
            }
        }
    }
}
