namespace HpProxy.Scheduling.Jobs;

/// <summary>The runs a worker process is executing right now, for its heartbeat (thread-safe).</summary>
public sealed class ActiveRuns
{
    private readonly Lock _gate = new();
    private readonly List<string> _runs = [];

    public void Add(string runId)
    {
        lock (_gate) _runs.Add(runId);
    }

    public void Remove(string runId)
    {
        lock (_gate) _runs.Remove(runId);
    }

    public int Count
    {
        get { lock (_gate) return _runs.Count; }
    }

    /// <summary>Comma-separated run ids (a worker with several threads runs several), or null when idle.</summary>
    public string? Describe()
    {
        lock (_gate) return _runs.Count == 0 ? null : string.Join(",", _runs);
    }
}
