using HpProxy.Core.Common;

namespace HpProxy.Core.Analysis;

/// <summary>Per-draw outcomes of a selection simulation: the oracle score of each pick.</summary>
public sealed record SelectionDraws(int K, int N, double[] ProxyPick, double[] OraclePick, double[] RandomPick)
{
    public double[] Regret() => OraclePick.Select((o, i) => o - ProxyPick[i]).ToArray();
}

/// <summary>
/// The selection protocol of Hussenot et al. (2021) as SPEC.md §6 states it: a practitioner trains K
/// configurations drawn at random from the pool of N, keeps the one the proxy rates best, and gets its oracle
/// score. Repeated over B draws (the same draws for every proxy: common random numbers, so proxies differ by
/// their picks, not by their luck).
/// Ties and NaN: the highest oriented proxy value wins; NaN proxy values never win against a number; among equal
/// values the configuration with the lower pool index wins (so K = N always picks the same configuration).
/// The random pick is scored by its expectation, the mean oracle score of the K drawn configurations.
/// </summary>
public static class SelectionSimulator
{
    /// <summary>B subsets of min(K, N) distinct pool indices, each drawn uniformly without replacement.</summary>
    public static int[][] DrawSubsets(int n, int k, int draws, Rng rng)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n));
        k = Math.Clamp(k, 1, n);
        var pool = new int[n];
        var subsets = new int[draws][];
        for (int b = 0; b < draws; b++)
        {
            for (int i = 0; i < n; i++) pool[i] = i;
            // Partial Fisher–Yates: the first k entries are a uniform k-subset.
            for (int i = 0; i < k; i++)
            {
                int j = i + rng.NextInt(n - i);
                (pool[i], pool[j]) = (pool[j], pool[i]);
            }
            subsets[b] = pool[..k];
        }
        return subsets;
    }

    /// <summary>The pool index in <paramref name="subset"/> with the best score (rules in the class summary).</summary>
    public static int PickBest(ReadOnlySpan<double> scores, ReadOnlySpan<int> subset)
    {
        int best = -1;
        foreach (int i in subset)
        {
            if (best < 0) { best = i; continue; }
            double s = scores[i], b = scores[best];
            bool better = double.IsNaN(b) ? !double.IsNaN(s) || i < best
                : !double.IsNaN(s) && (s > b || (s == b && i < best));
            if (better) best = i;
        }
        return best;
    }

    /// <summary>Oracle scores of the proxy pick, the oracle pick and the random pick (expectation) per draw.</summary>
    public static SelectionDraws Simulate(ReadOnlySpan<double> orientedProxy, ReadOnlySpan<double> oracle, int[][] subsets)
    {
        if (orientedProxy.Length != oracle.Length) throw new ArgumentException("proxy and oracle lengths differ");
        int draws = subsets.Length;
        var proxyPick = new double[draws];
        var oraclePick = new double[draws];
        var randomPick = new double[draws];
        for (int b = 0; b < draws; b++)
        {
            var subset = subsets[b];
            proxyPick[b] = oracle[PickBest(orientedProxy, subset)];
            oraclePick[b] = oracle[PickBest(oracle, subset)];
            double sum = 0;
            foreach (int i in subset) sum += oracle[i];
            randomPick[b] = sum / subset.Length;
        }
        int k = subsets.Length > 0 ? subsets[0].Length : 0;
        return new SelectionDraws(k, oracle.Length, proxyPick, oraclePick, randomPick);
    }

    public static SelectionResult Summarize(AnalysisGroup group, string proxy, SelectionDraws d, AnalysisSettings settings)
    {
        var (pm, pl, ph) = Statistics.Summary(d.ProxyPick, settings.LowerQuantile, settings.UpperQuantile);
        var (om, ol, oh) = Statistics.Summary(d.OraclePick, settings.LowerQuantile, settings.UpperQuantile);
        var (rm, rl, rh) = Statistics.Summary(d.RandomPick, settings.LowerQuantile, settings.UpperQuantile);
        var (gm, gl, gh) = Statistics.Summary(d.Regret(), settings.LowerQuantile, settings.UpperQuantile);
        return new SelectionResult(group.Task, group.Demonstrations, group.Algorithm, proxy, d.K, d.N, d.ProxyPick.Length,
            pm, pl, ph, om, ol, oh, rm, rl, rh, gm, gl, gh);
    }

    /// <summary>Budgets of a curve capped at the pool size, duplicates removed, ascending.</summary>
    public static int[] CappedBudgets(IEnumerable<int> budgets, int n) =>
        budgets.Select(k => Math.Clamp(k, 1, Math.Max(1, n))).Distinct().Order().ToArray();

    /// <summary>The seeded draws of one group at budget K (shared by every proxy of the group).</summary>
    public static int[][] GroupDraws(AnalysisGroup group, int n, int k, AnalysisSettings settings) =>
        DrawSubsets(n, k, settings.Resamples,
            new SeedStreams(settings.Seed).Child("selection").Child(group.ToString()).Create("K=" + k.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
