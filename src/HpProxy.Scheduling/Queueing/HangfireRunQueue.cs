using Hangfire;
using Hangfire.States;
using HpProxy.Scheduling.Jobs;

namespace HpProxy.Scheduling.Queueing;

/// <summary>Enqueues <see cref="RunJob.Execute"/> jobs into a study's Hangfire storage.</summary>
public sealed class HangfireRunQueue(JobStorage storage, StudyLocation location) : IRunQueue
{
    private readonly BackgroundJobClient _client = new(storage);

    public string Enqueue(string runId) =>
        // Only the results root, the study name and the run id travel: the worker reads everything else from
        // the study database (the PostgreSQL connection string comes from its environment, never the queue).
        _client.Enqueue<RunJob>(job => job.Execute(location.ResultsRoot, location.StudyName, runId, CancellationToken.None));

    /// <summary>Hangfire's count of enqueued, not yet fetched jobs of the default queue (one query); null when the
    /// storage cannot be read just now (the enqueuer then does as if it did not know).</summary>
    public int? WaitingCount()
    {
        try
        {
            return (int)storage.GetMonitoringApi().EnqueuedCount(EnqueuedState.DefaultQueue);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    public bool IsWaiting(string jobId)
    {
        using var connection = storage.GetConnection();
        string? state = connection.GetJobData(jobId)?.State;
        return state == EnqueuedState.StateName || state == ScheduledState.StateName || state == AwaitingState.StateName;
    }
}
