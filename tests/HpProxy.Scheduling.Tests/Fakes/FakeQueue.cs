using HpProxy.Scheduling.Queueing;

namespace HpProxy.Scheduling.Tests.Fakes;

/// <summary>A queue that records enqueues; a job stays "waiting" until the test fetches it.</summary>
public sealed class FakeQueue : IRunQueue
{
    private readonly Dictionary<string, string> _runOfJob = [];
    private readonly HashSet<string> _waiting = [];

    public List<string> Enqueued { get; } = [];

    public string Enqueue(string runId)
    {
        string id = $"job{_runOfJob.Count + 1}";
        _runOfJob[id] = runId;
        _waiting.Add(id);
        Enqueued.Add(runId);
        return id;
    }

    public bool IsWaiting(string jobId) => _waiting.Contains(jobId);

    /// <summary>Null: the queue cannot count (the enqueuer then covers every run without a waiting job of its own);
    /// <see cref="Counting"/> makes it count.</summary>
    public int? WaitingCount() => Counting ? _waiting.Count + Foreign : null;

    public bool Counting { get; init; }

    /// <summary>Waiting jobs another (dead) coordinator left in the queue.</summary>
    public int Foreign { get; set; }

    /// <summary>Workers fetched every waiting job of this run.</summary>
    public void Fetch(string runId)
    {
        foreach (var (job, run) in _runOfJob)
        {
            if (run == runId) _waiting.Remove(job);
        }
    }

    public int Count(string runId) => Enqueued.Count(r => r == runId);
}
