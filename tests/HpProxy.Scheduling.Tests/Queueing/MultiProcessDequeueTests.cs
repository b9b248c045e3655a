using HpProxy.Scheduling.Queueing;
using HpProxy.Scheduling.Tests.Support;
using HpProxy.TestSupport;

namespace HpProxy.Scheduling.Tests.Queueing;

/// <summary>
/// Two processes (this assembly run as <see cref="DequeueWorkerProgram"/>) fetch from one study's SQLite Hangfire
/// queue at once, as two workers do right after <c>run</c> enqueues a study: every job must go to exactly one of
/// them. Hangfire.Storage.SQLite's own dequeue handed the same job to both (decision 0004), after which one worker
/// stalled 90 s on the job's state lock.
/// </summary>
public sealed class MultiProcessDequeueTests : IDisposable
{
    private const int Jobs = 300, Processes = 2;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "hpproxy-dequeue-" + Guid.NewGuid().ToString("N")[..8]);

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
    public void Two_processes_fetching_together_never_get_the_same_job()
    {
        var location = StudyLocation.Create(_root, "study");
        var storage = HangfireStorageFactory.Create(location, new SchedulingOptions());
        var queue = new HangfireRunQueue(storage, location);
        var enqueued = Enumerable.Range(0, Jobs).Select(i => queue.Enqueue($"run{i:D4}")).ToHashSet();
        (storage as IDisposable)?.Dispose();

        string dll = typeof(DequeueWorkerProgram).Assembly.Location;
        var fetched = ContendingProcesses.Run(dll, [.. Enumerable.Range(0, Processes).Select(_ => new[] { "dequeue-worker", _root, "study" })])
            .SelectMany(lines => lines).ToList();
        var twice = fetched.GroupBy(j => j).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} job(s) fetched by both processes, e.g. {string.Join(", ", twice.Take(5))}");
        Assert.Equal(enqueued, fetched.ToHashSet());
    }
}
