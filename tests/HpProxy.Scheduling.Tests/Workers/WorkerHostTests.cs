using HpProxy.Scheduling.Queueing;
using HpProxy.Scheduling.Tests.Fakes;
using HpProxy.Scheduling.Workers;
using HpProxy.Storage;

namespace HpProxy.Scheduling.Tests.Workers;

/// <summary>The real Hangfire path in one process: SQLite queue in a temp folder, the in-memory study store.</summary>
public sealed class WorkerHostTests : IDisposable
{
    private static readonly SchedulingOptions Fast = FastOptions.Scheduling;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "hpproxy-sched-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void A_worker_runs_every_enqueued_run_once_even_when_delivered_twice_and_then_exits()
    {
        var location = StudyLocation.Create(_root, "study");
        var store = new InMemoryStudyStore();
        store.Add("r1", "r2", "r3");
        var storage = HangfireStorageFactory.Create(location, Fast);
        var queue = new HangfireRunQueue(storage, location);
        foreach (string r in store.RunsToEnqueue(DateTimeOffset.UtcNow)) queue.Enqueue(r);
        string duplicateJob = queue.Enqueue("r2"); // Hangfire.Storage.SQLite may deliver twice; so do we.
        Assert.True(queue.IsWaiting(duplicateJob));
        var work = DelegateWork.Succeeding(checkpoints: 2);
        var host = new WorkerHost(location, new DelegateStudyStoreOpener(_ => store), work, Fast, threads: 2);

        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var reason = host.Run(guard.Token);

        Assert.Equal(WorkerHost.ExitReason.StudyDone, reason);
        Assert.Equal(new StudyProgress(3, 0, 0, 3, 0, 0), store.GetProgress());
        Assert.All(["r1", "r2", "r3"], r => Assert.Equal(1, work.Calls(r)));
        Assert.All(["r1", "r2", "r3"], r => Assert.Equal(2, store[r].Checkpoints.Count));
        Assert.False(queue.IsWaiting(duplicateJob));
        Assert.Single(store.GetWorkers(TimeSpan.FromHours(1)));
        (storage as IDisposable)?.Dispose();
    }

    [Fact]
    public void A_stop_request_ends_the_worker_and_gives_the_unfinished_run_back_at_once()
    {
        var location = StudyLocation.Create(_root, "study2");
        var time = new ManualTime(DateTimeOffset.UtcNow);
        var store = new InMemoryStudyStore(time);
        store.Add("slow");
        var storage = HangfireStorageFactory.Create(location, Fast);
        new HangfireRunQueue(storage, location).Enqueue("slow");
        using var stop = new CancellationTokenSource();
        var work = new DelegateWork((_, _, ct) =>
        {
            stop.Cancel(); // SIGTERM arrives while the run trains
            ct.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            ct.ThrowIfCancellationRequested();
            return HpProxy.Scheduling.Jobs.RunWorkResult.Success;
        });
        var host = new WorkerHost(location, new DelegateStudyStoreOpener(_ => store), work, Fast, threads: 1);

        var reason = host.Run(stop.Token);

        Assert.Equal(WorkerHost.ExitReason.StopRequested, reason);
        Assert.Equal(1, work.Calls("slow"));
        // Released on the way out: pending now (no lease to wait for), the stopped attempt not counted.
        Assert.Equal((RunState.Pending, 0, 1), (store["slow"].State, store["slow"].Attempts, store["slow"].Releases));
        Assert.Equal(["slow"], store.RunsToEnqueue(time.GetUtcNow()));
        (storage as IDisposable)?.Dispose();
    }
}
