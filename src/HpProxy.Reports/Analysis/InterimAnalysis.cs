using HpProxy.Core.Analysis;
using HpProxy.Core.Common;
using HpProxy.Core.Proxies;
using HpProxy.Reports.Model;
using GroupKey = HpProxy.Reports.Model.GroupKey;

namespace HpProxy.Reports.Analysis;

/// <summary>
/// The analysis of SPEC.md §6 (correlations with bootstrap intervals, selection simulation, budget curves, early
/// stopping), computed here until <c>Core.Analysis.StudyAnalysis</c> is on main. Deterministic: every draw comes
/// from a named <see cref="SeedStreams"/> stream of <see cref="ReportOptions.Seed"/>.
/// </summary>
internal static class InterimAnalysis
{
    public static AnalysisViews Compute(
        IReadOnlyList<CheckpointRow> rows,
        IReadOnlyList<ConfigPoint> points,
        IReadOnlyDictionary<string, ProxyDirection> directions,
        ReportOptions options)
    {
        var seeds = new SeedStreams(options.Seed);
        var correlations = new List<CorrelationView>();
        var selections = new List<SelectionView>();
        var budget = new List<BudgetPointView>();
        foreach (var group in points.GroupBy(p => p.Group).OrderBy(g => g.Key))
        {
            var configs = group.OrderBy(p => p.ConfigId, StringComparer.Ordinal).ToList();
            foreach (string proxy in directions.Keys.Order(StringComparer.Ordinal))
            {
                var usable = configs.Where(c => c.Proxies.TryGetValue(proxy, out double v) && double.IsFinite(v) && double.IsFinite(c.Score)).ToList();
                if (usable.Count == 0) continue;
                double sign = directions[proxy] == ProxyDirection.LowerIsBetter ? -1.0 : 1.0;
                double[] x = usable.Select(c => sign * c.Proxies[proxy]).ToArray();
                double[] y = usable.Select(c => c.Score).ToArray();
                string groupKey = $"{group.Key.Task}\u001f{group.Key.Demonstrations}\u001f{group.Key.Algorithm}";
                correlations.Add(Correlate(group.Key, proxy, directions[proxy], x, y, options.B, seeds.Create(groupKey + "\u001f" + proxy + "\u001fcorrelation")));

                // Common random numbers: every proxy of a group sees the same K-subsets (the stream is named by the
                // group, not the proxy), so proxy, oracle and random picks compare draw by draw and pick ≤ oracle.
                int k = Math.Min(options.K, usable.Count);
                selections.Add(Select(group.Key, proxy, k, x, y, options.B, seeds.Create(groupKey + "\u001fselection")));
                foreach (int budgetK in BudgetLevels(options.Budgets, usable.Count))
                {
                    var s = Select(group.Key, proxy, budgetK, x, y, options.B, seeds.Create(groupKey + $"\u001fbudget{budgetK}"));
                    budget.Add(new BudgetPointView(group.Key, proxy, budgetK, s.Pick, s.Oracle, s.Random));
                }
            }
        }
        return new AnalysisViews(correlations, selections, budget, EarlyStopping(rows, directions));
    }

    internal static IEnumerable<int> BudgetLevels(IReadOnlyList<int> budgets, int pool) =>
        budgets.Where(k => k >= 1 && k < pool).Append(pool).Distinct().Order();

    private static CorrelationView Correlate(GroupKey group, string proxy, ProxyDirection direction, double[] x, double[] y, int b, Rng rng)
    {
        int n = x.Length;
        double rho = RankCorrelation.Spearman(x, y), tau = RankCorrelation.KendallTauB(x, y);
        var rhos = new List<double>(b);
        var taus = new List<double>(b);
        double[] bx = new double[n], by = new double[n];
        for (int rep = 0; rep < b && n >= 2; rep++)
        {
            for (int i = 0; i < n; i++)
            {
                int j = rng.NextInt(n);
                bx[i] = x[j];
                by[i] = y[j];
            }
            double r = RankCorrelation.Spearman(bx, by), t = RankCorrelation.KendallTauB(bx, by);
            if (double.IsFinite(r)) rhos.Add(r);
            if (double.IsFinite(t)) taus.Add(t);
        }
        rhos.Sort();
        taus.Sort();
        // 95% percentile bootstrap interval over configurations (Efron & Tibshirani 1993, §13.3).
        return new CorrelationView(group, proxy, direction,
            rho, Percentile.Of(rhos, 0.025), Percentile.Of(rhos, 0.975),
            tau, Percentile.Of(taus, 0.025), Percentile.Of(taus, 0.975), n);
    }

    /// <summary>Hussenot et al. (2021) protocol: K of the pool at random, the proxy's best (oriented x) is the pick.
    /// The oracle pick is the best score among the same K; the random pick is a uniformly drawn one of the K.</summary>
    private static SelectionView Select(GroupKey group, string proxy, int k, double[] x, double[] y, int b, Rng rng)
    {
        int n = x.Length;
        int[] idx = new int[n];
        var picks = new List<double>(b);
        var oracle = new List<double>(b);
        var random = new List<double>(b);
        for (int rep = 0; rep < b; rep++)
        {
            for (int i = 0; i < n; i++) idx[i] = i;
            // Partial Fisher–Yates: the first k entries are a uniform k-subset in random order.
            for (int i = 0; i < k; i++)
            {
                int j = i + rng.NextInt(n - i);
                (idx[i], idx[j]) = (idx[j], idx[i]);
            }
            int best = idx[0], bestOracle = idx[0];
            for (int i = 1; i < k; i++)
            {
                if (x[idx[i]] > x[best]) best = idx[i];
                if (y[idx[i]] > y[bestOracle]) bestOracle = idx[i];
            }
            picks.Add(y[best]);
            oracle.Add(y[bestOracle]);
            random.Add(y[idx[0]]);
        }
        return new SelectionView(group, proxy, k, n, Summarize(picks), Summarize(oracle), Summarize(random));
    }

    private static Interval Summarize(List<double> values)
    {
        if (values.Count == 0) return new Interval(double.NaN, double.NaN, double.NaN);
        double mean = values.Average();
        values.Sort();
        return new Interval(mean, Percentile.Of(values, 0.05), Percentile.Of(values, 0.95));
    }

    /// <summary>Per configuration, mean over seeds of score and proxy at each checkpoint index; the proxy chooses the
    /// index with its best (oriented) value; compared with the last index and the oracle-best index.</summary>
    private static List<EarlyStoppingView> EarlyStopping(IReadOnlyList<CheckpointRow> rows, IReadOnlyDictionary<string, ProxyDirection> directions)
    {
        var result = new List<EarlyStoppingView>();
        var byGroup = rows.GroupBy(r => new GroupKey(r.Task, r.Demonstrations, r.Algorithm)).OrderBy(g => g.Key);
        foreach (var group in byGroup)
        {
            var curves = group.GroupBy(r => r.ConfigId).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(c => c.GroupBy(r => r.CheckpointIndex).OrderBy(g => g.Key).ToList()).ToList();
            foreach (string proxy in directions.Keys.Order(StringComparer.Ordinal))
            {
                double sign = directions[proxy] == ProxyDirection.LowerIsBetter ? -1.0 : 1.0;
                double last = 0, chosen = 0, best = 0;
                int used = 0;
                foreach (var curve in curves)
                {
                    double[] score = curve.Select(g => g.Average(r => r.NormalizedScore)).ToArray();
                    double[] value = curve.Select(g => MeanFinite(g.Select(r => r.Proxies.TryGetValue(proxy, out double v) ? v : double.NaN))).ToArray();
                    int pick = -1;
                    for (int i = 0; i < value.Length; i++)
                    {
                        if (double.IsFinite(value[i]) && (pick < 0 || sign * value[i] > sign * value[pick])) pick = i;
                    }
                    if (pick < 0) continue;
                    used++;
                    last += score[^1];
                    chosen += score[pick];
                    best += score.Max();
                }
                if (used > 0) result.Add(new EarlyStoppingView(group.Key, proxy, last / used, chosen / used, best / used, used));
            }
        }
        return result;
    }

    internal static double MeanFinite(IEnumerable<double> values)
    {
        double sum = 0;
        int n = 0;
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) continue;
            sum += v;
            n++;
        }
        return n == 0 ? double.NaN : sum / n;
    }
}
