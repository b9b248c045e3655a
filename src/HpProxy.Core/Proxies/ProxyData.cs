using HpProxy.Core.Common;
using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Proxies;

/// <summary>Which demonstrations a distribution-matching proxy compares the agent with.</summary>
public enum DemonstrationSource
{
    /// <summary>The train demonstrations: the expert data the agent imitates (the paper's choice).</summary>
    Train,

    /// <summary>The held-out validation demonstrations.</summary>
    Validation,

    /// <summary>Train and validation together.</summary>
    All,
}

/// <summary>
/// Flattens demonstrations and rollouts into standardised point clouds for the distribution-matching proxies.
/// States are standardised with the frozen train statistics (SPEC.md §3); actions are already in [-1, 1] and
/// are used as they are.
/// </summary>
public static class ProxyData
{
    public static IReadOnlyList<Trajectory> Episodes(ProxyInputs inputs, DemonstrationSource source) => source switch
    {
        DemonstrationSource.Train => inputs.TrainDemonstrations.Episodes,
        DemonstrationSource.Validation => inputs.ValidationDemonstrations.Episodes,
        _ => [.. inputs.TrainDemonstrations.Episodes, .. inputs.ValidationDemonstrations.Episodes],
    };

    public static ProxyReads Reads(DemonstrationSource source) => source switch
    {
        DemonstrationSource.Train => ProxyReads.TrainDemonstrations,
        DemonstrationSource.Validation => ProxyReads.ValidationDemonstrations,
        _ => ProxyReads.TrainDemonstrations | ProxyReads.ValidationDemonstrations,
    };

    /// <summary>
    /// Every observation of every episode, including each episode's final one (a terminal state such as a
    /// fall is informative), standardised: [N × obs].
    /// </summary>
    public static float[] States(IReadOnlyList<Trajectory> episodes, ObservationStats stats)
    {
        int d = stats.Size;
        int count = 0;
        foreach (var e in episodes) count += e.Length + 1;
        var states = new float[count * d];
        int offset = 0;
        foreach (var e in episodes)
        {
            e.Observations.CopyTo(states, offset);
            offset += e.Observations.Length;
        }
        stats.NormalizeRows(states);
        return states;
    }

    /// <summary>Every (s_t, a_t) pair, t &lt; T, as rows [standardised s, a]: [N × (obs + act)].</summary>
    public static float[] StateActions(IReadOnlyList<Trajectory> episodes, ObservationStats stats, int actionSize)
    {
        int d = stats.Size, width = d + actionSize;
        int count = 0;
        foreach (var e in episodes) count += e.Length;
        var rows = new float[count * width];
        int r = 0;
        foreach (var e in episodes)
        {
            for (int t = 0; t < e.Length; t++, r++)
            {
                var row = rows.AsSpan(r * width, width);
                stats.Normalize(e.Observation(t), row[..d]);
                e.Action(t).CopyTo(row[d..]);
            }
        }
        return rows;
    }

    /// <summary>
    /// At most <paramref name="maxPoints"/> rows drawn uniformly without replacement (partial Fisher–Yates),
    /// in their original order so the result does not depend on the draw order; all rows when there are fewer.
    /// </summary>
    public static float[] Subsample(float[] rows, int width, int maxPoints, Rng rng)
    {
        int count = rows.Length / width;
        if (count <= maxPoints) return rows;
        var index = new int[count];
        for (int i = 0; i < count; i++) index[i] = i;
        for (int i = 0; i < maxPoints; i++)
        {
            int j = i + rng.NextInt(count - i);
            (index[i], index[j]) = (index[j], index[i]);
        }
        Array.Sort(index, 0, maxPoints);
        var result = new float[maxPoints * width];
        for (int i = 0; i < maxPoints; i++) rows.AsSpan(index[i] * width, width).CopyTo(result.AsSpan(i * width));
        return result;
    }
}
