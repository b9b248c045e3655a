namespace HpProxy.Scheduling.Queueing;

/// <summary>The delivery side the coordinator needs: enqueue a run's job, and ask whether a job is still waiting.
/// Hangfire in the product; a list in tests.</summary>
public interface IRunQueue
{
    /// <summary>Enqueues one job for the run; returns the queue's job id.</summary>
    string Enqueue(string runId);

    /// <summary>True while the job sits in the queue, not yet fetched by a worker (then there is no point in
    /// enqueuing its run again). False once fetched, finished, deleted or unknown.</summary>
    bool IsWaiting(string jobId);

    /// <summary>Jobs waiting in the study's queue, whoever enqueued them (a dead coordinator's too), or null when the
    /// queue cannot tell. Every job claims the first claimable run in plan order, so this is the number of runs the
    /// queue will still start.</summary>
    int? WaitingCount() => null;
}
