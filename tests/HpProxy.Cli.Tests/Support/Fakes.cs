using HpProxy.Cli.Wiring;
using HpProxy.Core.Envs;
using HpProxy.Core.Runs;
using HpProxy.Scheduling;
using HpProxy.Scheduling.Coordination;
using HpProxy.Scheduling.Jobs;
using HpProxy.Scheduling.Workers;
using HpProxy.Storage;

namespace HpProxy.Cli.Tests.Support;

/// <summary>A study front-end that returns a fixed plan or fixed errors.</summary>
public sealed class FakeFrontEnd(StudyLoad load) : IStudyFrontEnd
{
    public int Loads { get; private set; }

    public StudyLoad Load(string path)
    {
        Loads++;
        return load;
    }

    public static PlannedStudy Study(string name, int runs) => new(
        name, "hash-" + name, "name: " + name,
        [.. Enumerable.Range(0, runs).Select(i => new PlannedRun($"run{i:00}", "pendulum", "synthetic-5", "bc", $"c{i / 2}", i % 2, "{}"))],
        [new ReferenceNeed("pendulum", "synthetic-5", () => new ReferenceReturns(-1200, -150))]);
}

/// <summary>Work that reports a few checkpoints and succeeds (or fails for run ids listed).</summary>
public sealed class FakeWork(params string[] failing) : IRunWork
{
    public RunWorkResult Execute(RunWorkContext context, Action<CheckpointResult> onCheckpoint, CancellationToken cancellationToken)
    {
        for (int i = 0; i < 2; i++)
        {
            onCheckpoint(new CheckpointResult(i, 100 * (i + 1), -500 + i, 0.5 + i / 10.0, new Dictionary<string, double> { ["action_mse"] = 1.0 / (i + 1) }, 0.1));
        }
        return failing.Contains(context.RunId) ? RunWorkResult.Failure("diverged: test") : RunWorkResult.Success;
    }
}

/// <summary>Records the report request and writes a marker file.</summary>
public sealed class FakeReports : IReportWriter
{
    public int Builds { get; private set; }

    public string Build(IStudyStore store, StudyLocation location)
    {
        Builds++;
        string path = Path.Combine(location.StudyDirectory, "report.md");
        File.WriteAllText(path, $"# {location.StudyName}: {store.GetProgress().Succeeded} succeeded\n");
        return path;
    }
}

public sealed class FakeCatalog : ICatalog
{
    public IReadOnlyList<CatalogEntry> Tasks() => [new("pendulum", "swing up"), new("cartpole", "balance")];

    public IReadOnlyList<CatalogEntry> Algorithms() => [new("bc", "behavioural cloning")];

    public IReadOnlyList<CatalogEntry> Proxies() => [new("action_mse", "action error on validation demos")];
}

/// <summary>Workers as threads of the test process (the real worker host and Hangfire; no child processes).</summary>
public sealed class InProcessLauncher(IStudyStoreOpener stores, IRunWork work, SchedulingOptions options, StudyLocation location) : IWorkerLauncher
{
    public int Started { get; private set; }

    public IWorkerProcess Start(int slot)
    {
        Started++;
        return new ThreadWorker(new WorkerHost(location, stores, work, options, 1), slot);
    }

    private sealed class ThreadWorker : IWorkerProcess
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;

        public ThreadWorker(WorkerHost host, int slot)
        {
            _thread = new Thread(() => host.Run(_stop.Token)) { IsBackground = true, Name = $"worker-{slot}" };
            _thread.Start();
        }

        public int ProcessId => Environment.ProcessId;

        public bool HasExited => !_thread.IsAlive;

        public int? ExitCode => HasExited ? 0 : null;

        public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

        public void RequestStop() => _stop.Cancel();

        public void Kill() => _stop.Cancel();

        public bool WaitForExit(TimeSpan timeout) => _thread.Join(timeout);

        public void Dispose()
        {
            _stop.Cancel();
            _thread.Join(TimeSpan.FromSeconds(30));
            _stop.Dispose();
        }
    }
}
