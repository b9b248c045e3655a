namespace HpProxy.Scheduling.Coordination;

/// <summary>
/// Finished runs per minute over a sliding window (default 10 minutes), and the ETA it implies. A window rather
/// than the whole history because a study's speed changes (other users, a second machine joining).
/// </summary>
public sealed class RateEstimator(TimeSpan window)
{
    private readonly Queue<(DateTimeOffset At, int Done)> _samples = new();

    public RateEstimator()
        : this(TimeSpan.FromMinutes(10))
    {
    }

    public void Add(DateTimeOffset at, int done)
    {
        _samples.Enqueue((at, done));
        // Keep one sample older than the window so the window is always fully covered.
        while (_samples.Count > 2 && at - _samples.ElementAt(1).At >= window) _samples.Dequeue();
    }

    /// <summary>Runs finished per minute, or null before two samples with progress between them.</summary>
    public double? RunsPerMinute
    {
        get
        {
            if (_samples.Count < 2) return null;
            var first = _samples.Peek();
            var last = _samples.Last();
            double minutes = (last.At - first.At).TotalMinutes;
            int done = last.Done - first.Done;
            return minutes <= 0 || done <= 0 ? null : done / minutes;
        }
    }

    /// <summary>Time to finish <paramref name="remaining"/> runs at the current rate, or null when unknown.</summary>
    public TimeSpan? Eta(int remaining)
    {
        if (remaining <= 0) return TimeSpan.Zero;
        return RunsPerMinute is { } rate ? TimeSpan.FromMinutes(remaining / rate) : null;
    }
}
