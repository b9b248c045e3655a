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
        var done = ContendingProcesses.Run(dll, [.. Enumerable.Range(0, Processes)
                .Select(w => new[] { "claim-worker", target, study, $"proc{w}", Runs.ToString(System.Globalization.CultureInfo.InvariantCulture) })])
            .SelectMany(lines => lines).ToList();
        Assert.Equal(Runs, done.Count);
        Assert.Equal(Runs, done.Distinct().Count());
        Assert.Equal(new StudyProgress(Runs, 0, 0, Runs, 0, 0), store.GetProgress());
        Assert.All(store.GetRuns(), r => Assert.Equal(1, r.Attempts));
        Assert.Equal(Runs, store.GetCheckpoints().Count);
    }
}
