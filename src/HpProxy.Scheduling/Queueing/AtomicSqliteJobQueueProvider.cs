using Hangfire.States;
using Hangfire.Storage.SQLite;

namespace HpProxy.Scheduling.Queueing;

/// <summary>
/// Puts <see cref="AtomicSqliteJobQueue"/> behind a <see cref="SQLiteStorage"/>'s queues (the storage's documented
/// extension point, <see cref="SQLiteStorage.QueueProviders"/>). Monitoring is the stock one; this provider lists
/// no queue of its own, so the dashboard does not show the same queue twice (the stock default provider lists it).
/// </summary>
public sealed class AtomicSqliteJobQueueProvider(SQLiteStorageOptions options) : IPersistentJobQueueProvider
{
    /// <summary>Registers the provider for the queues our jobs use (Hangfire's default queue).</summary>
    public static void Install(SQLiteStorage storage, SQLiteStorageOptions options) =>
        storage.QueueProviders.Add(new AtomicSqliteJobQueueProvider(options), [EnqueuedState.DefaultQueue]);

    public IPersistentJobQueue GetJobQueue(HangfireDbContext connection) => new AtomicSqliteJobQueue(connection, options);

    public IPersistentJobQueueMonitoringApi GetJobQueueMonitoringApi(HangfireDbContext connection) =>
        new UnlistedMonitoring(new SQLiteJobQueueMonitoringApi(connection));

    private sealed class UnlistedMonitoring(IPersistentJobQueueMonitoringApi inner) : IPersistentJobQueueMonitoringApi
    {
        public IEnumerable<string> GetQueues() => [];

        public IEnumerable<int> GetEnqueuedJobIds(string queue, int from, int perPage) => inner.GetEnqueuedJobIds(queue, from, perPage);

        public IEnumerable<int> GetFetchedJobIds(string queue, int from, int perPage) => inner.GetFetchedJobIds(queue, from, perPage);

        public EnqueuedAndFetchedCountDto GetEnqueuedAndFetchedCount(string queue) => inner.GetEnqueuedAndFetchedCount(queue);
    }
}
