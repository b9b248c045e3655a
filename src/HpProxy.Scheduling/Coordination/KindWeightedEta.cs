using HpProxy.Storage;

namespace HpProxy.Scheduling.Coordination;

/// <summary>
/// Time left, weighted by run kind. A study mixes runs whose cost differs by orders of magnitude (BC trains in
/// seconds, an online agent for minutes), and planning order often finishes the cheap ones first, so the plain
/// rate of finished runs promises an end far too early. Here every remaining run costs the mean wall time of the
/// last <see cref="LastN"/> finished runs of its kind, (task, algorithm), falling back to the algorithm on any
/// task; the total is shared by the worker slots, and never less than the longest single remaining run. A run in
/// progress counts half its kind's mean (its expected remainder, not knowing when it started). Remaining runs of a
/// kind never seen finishing are left out, and the estimate is then marked a lower bound.
/// </summary>
public sealed class KindWeightedEta(int lastN = 20)
{
    private readonly Dictionary<(string Task, string Algorithm), Queue<double>> _byKind = [];
    private readonly Dictionary<string, Queue<double>> _byAlgorithm = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);

    /// <summary>How many recent finished runs of a kind make its mean (so a study's speed changes show).</summary>
    public int LastN { get; } = lastN >= 1 ? lastN : throw new ArgumentOutOfRangeException(nameof(lastN));

    /// <summary>Records the wall times of runs that finished since the last call (succeeded or failed with a
    /// wall time; cancelled runs trained nothing). Runs seen before are skipped, so the order of calls is the
    /// order of completion (runs already finished at the first call come in planning order).</summary>
    public void Observe(IEnumerable<RunRecord> runs)
    {
        foreach (var r in runs)
        {
            if (r.State is not (RunState.Succeeded or RunState.Failed) || r.WallSeconds is not (> 0 and var wall)) continue;
            if (!_finished.Add(r.RunId)) continue;
            Push(_byKind, (r.Task, r.Algorithm), wall);
            Push(_byAlgorithm, r.Algorithm, wall);
        }
    }

    /// <summary>The estimate for the pending and running runs among <paramref name="runs"/>, shared by
    /// <paramref name="slots"/> parallel workers; null when no slot is known or no remaining run has a known cost.</summary>
    public EtaEstimate? Estimate(IEnumerable<RunRecord> runs, int slots)
    {
        double total = 0, longest = 0;
        int remaining = 0, unknown = 0;
        foreach (var r in runs)
        {
            if (r.State is not (RunState.Pending or RunState.Running)) continue;
            remaining++;
            double? mean = Mean(_byKind, (r.Task, r.Algorithm)) ?? Mean(_byAlgorithm, r.Algorithm);
            if (mean is not { } m)
            {
                unknown++;
                continue;
            }
            double cost = r.State == RunState.Running ? m / 2 : m;
            total += cost;
            longest = Math.Max(longest, cost);
        }
        if (remaining == 0) return new EtaEstimate(TimeSpan.Zero, LowerBound: false);
        if (slots <= 0 || unknown == remaining) return null;
        double seconds = Math.Max(total / slots, longest);
        return new EtaEstimate(TimeSpan.FromSeconds(seconds), LowerBound: unknown > 0);
    }

    private void Push<TKey>(Dictionary<TKey, Queue<double>> means, TKey key, double wall)
        where TKey : notnull
    {
        if (!means.TryGetValue(key, out var q)) means[key] = q = new Queue<double>();
        q.Enqueue(wall);
        if (q.Count > LastN) q.Dequeue();
    }

    private static double? Mean<TKey>(Dictionary<TKey, Queue<double>> means, TKey key)
        where TKey : notnull =>
        means.TryGetValue(key, out var q) && q.Count > 0 ? q.Average() : null;
}

/// <summary>Time left; <see cref="LowerBound"/> when some remaining runs are of a kind not yet timed.</summary>
public sealed record EtaEstimate(TimeSpan Time, bool LowerBound);
