using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Hangfire.Storage.SQLite.Entities;

namespace HpProxy.Scheduling.Queueing;

/// <summary>
/// Hangfire.Storage.SQLite's job queue with a dequeue that is atomic across processes. The stock
/// <see cref="SQLiteJobQueue"/> reads the first unfetched row, then writes its <c>FetchedAt</c>, guarded only by an
/// in-process lock, so two worker processes polling together both take the same job. Worse than the duplicate
/// itself: both then move the job to Processing under Hangfire's per-job distributed lock (timeout 15 min), and the
/// SQLite lock's waiter sleeps timeout/10 = 90 s on an in-process monitor that a release in the other process never
/// pulses. That is the 90 s start-up stall of the second worker (decision 0004). Here the fetch is a conditional
/// UPDATE (still unfetched, or fetched before the invisibility cutoff), so exactly one process wins a row; the loser
/// moves on to the next row at once.
/// </summary>
public sealed class AtomicSqliteJobQueue(HangfireDbContext context, SQLiteStorageOptions options) : IPersistentJobQueue
{
    public IFetchedJob Dequeue(string[] queues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queues);
        if (queues.Length == 0) throw new ArgumentException("Queue array must be non-empty.", nameof(queues));
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool contended = false;
            foreach (string queue in queues)
            {
                var cutoff = Cutoff(DateTime.UtcNow, options.InvisibilityTimeout);
                // Oldest first (the coordinator enqueues in planning order); a row fetched before the invisibility
                // cutoff belongs to a dead worker and is taken again, as the stock queue does.
                var candidate = context.JobQueueRepository
                    .Where(q => q.Queue == queue && q.FetchedAt == DateTime.MinValue)
                    .OrderBy(q => q.Id)
                    .FirstOrDefault()
                    ?? context.JobQueueRepository
                        .Where(q => q.Queue == queue && q.FetchedAt != DateTime.MinValue && q.FetchedAt < cutoff)
                        .OrderBy(q => q.Id)
                        .FirstOrDefault();
                if (candidate is null) continue;
                if (TryTake(candidate)) return new SQLiteFetchedJob(context, candidate.Id, candidate.JobId, candidate.Queue);
                contended = true; // another process took it between our read and our write: try the next row now
            }
            if (!contended)
            {
                cancellationToken.WaitHandle.WaitOne(options.QueuePollInterval);
            }
        }
    }

    private static DateTime Cutoff(DateTime now, TimeSpan invisibility) =>
        invisibility >= now - DateTime.MinValue ? DateTime.MinValue : now - invisibility;

    /// <summary>Marks the row fetched only if nobody did in between (one statement: SQLite's write lock makes the
    /// check and the write atomic across processes).</summary>
    private bool TryTake(JobQueue row) =>
        context.Database.Execute(
            "UPDATE JobQueue SET FetchedAt = ? WHERE Id = ? AND FetchedAt = ?",
            DateTime.UtcNow, row.Id, row.FetchedAt) == 1;

    public void Enqueue(string queue, string jobId) =>
        context.Database.Insert(new JobQueue { JobId = int.Parse(jobId, System.Globalization.CultureInfo.InvariantCulture), Queue = queue });
}
