using HpProxy.Scheduling.Queueing;
using HpProxy.Storage;

namespace HpProxy.Scheduling.Coordination;

/// <summary>
/// Decides which runs get a (new) job. The study database says what is unfinished
/// (<see cref="IStudyStore.RunsToEnqueue"/>: pending, or running with an expired lease); this class remembers the
/// job it last enqueued for each run, so that a run waiting in the queue is not enqueued again every tick.
/// A run is (re-)enqueued when it has no job yet, or when its last job is no longer waiting in the queue (fetched
/// by a worker that died, used to claim an earlier run, or finished without completing the run) and was enqueued
/// at least <see cref="RecheckAfter"/> ago. Extra deliveries are harmless: the claim turns them away at once.
/// The order of the jobs in the queue does not decide the order of the runs: every job claims the first claimable
/// run in plan order (<see cref="IStudyStore.TryClaimInPlanOrder"/>), so jobs left waiting by a dead coordinator
/// (ahead of this one's in the queue) or a run re-enqueued at the tail cannot put a stranded run last.
/// Jobs being interchangeable, one waiting job per unfinished run is enough: when the queue can count its waiting
/// jobs (<see cref="IRunQueue.WaitingCount"/>), only the shortfall is enqueued, for the first eligible runs in plan
/// order. So a resume adds jobs only for the runs the dead coordinator's waiting jobs do not cover, and a stranded
/// run taking the job of a later run costs one new job, not one per run behind it.
/// </summary>
public sealed class RunEnqueuer(IRunQueue queue, TimeSpan recheckAfter)
{
    private readonly Dictionary<string, (string JobId, DateTimeOffset At)> _jobs = new(StringComparer.Ordinal);

    /// <summary>How long after enqueuing a run its job is first checked again (a lease period: a killed
    /// worker's run is visible only after its lease expired anyway).</summary>
    public TimeSpan RecheckAfter { get; } = recheckAfter;

    /// <summary>Jobs enqueued so far (first enqueues and re-enqueues).</summary>
    public int Enqueued { get; private set; }

    /// <summary>Re-enqueues of runs that already had a job (a killed worker, a lost job).</summary>
    public int Reenqueued { get; private set; }

    /// <summary>Enqueues what is due; returns the run ids enqueued in this call, first time or again.</summary>
    public (IReadOnlyList<string> First, IReadOnlyList<string> Again) EnqueueDue(IStudyStore store, DateTimeOffset now)
    {
        var first = new List<string>();
        var again = new List<string>();
        var due = store.RunsToEnqueue(now);
        // Runs the waiting jobs (ours or a dead coordinator's) do not cover; unlimited when the queue cannot tell.
        int shortfall = queue.WaitingCount() is int waiting ? Math.Max(0, due.Count - waiting) : int.MaxValue;
        foreach (string runId in due)
        {
            if (shortfall == 0) break;
            if (_jobs.TryGetValue(runId, out var last))
            {
                if (now - last.At < RecheckAfter || queue.IsWaiting(last.JobId)) continue;
                Reenqueued++;
                again.Add(runId);
            }
            else
            {
                first.Add(runId);
            }
            _jobs[runId] = (queue.Enqueue(runId), now);
            Enqueued++;
            shortfall--;
        }
        return (first, again);
    }
}
