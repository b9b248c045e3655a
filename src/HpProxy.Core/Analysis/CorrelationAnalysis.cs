using HpProxy.Core.Common;
using HpProxy.Core.Proxies;

namespace HpProxy.Core.Analysis;

/// <summary>
/// Rank correlation of each proxy with the oracle across a group's configurations (SPEC.md §6), with bootstrap
/// percentile intervals: configurations are resampled with replacement B times (Efron &amp; Tibshirani 1993,
/// §13.3) and Spearman / Kendall recomputed; NaN resamples (e.g. all ties) are ignored in the quantiles.
/// </summary>
public static class CorrelationAnalysis
{
    public static CorrelationResult Correlate(AnalysisGroup group, string proxy, ProxyDirection direction,
        IReadOnlyList<ConfigurationScore> table, AnalysisSettings settings)
    {
        var x = ConfigurationTable.OrientedColumn(table, proxy, direction);
        var y = ConfigurationTable.OracleColumn(table);
        var (px, py) = FinitePairs(x, y);
        int n = px.Length;
        double rho = RankCorrelation.Spearman(px, py);
        double tau = RankCorrelation.KendallTauB(px, py);
        var rng = new SeedStreams(settings.Seed).Child("correlation").Child(group.ToString()).Create(proxy);
        var (rhos, taus) = Bootstrap(px, py, settings.Resamples, rng);
        return new CorrelationResult(group.Task, group.Demonstrations, group.Algorithm, proxy,
            rho, Statistics.Quantile(rhos, settings.LowerQuantile), Statistics.Quantile(rhos, settings.UpperQuantile),
            tau, Statistics.Quantile(taus, settings.LowerQuantile), Statistics.Quantile(taus, settings.UpperQuantile), n);
    }

    /// <summary>B bootstrap replicates of (Spearman, Kendall τ-b) over pairs resampled with replacement.</summary>
    public static (double[] Spearman, double[] Kendall) Bootstrap(double[] x, double[] y, int resamples, Rng rng)
    {
        int n = x.Length;
        var rhos = new double[resamples];
        var taus = new double[resamples];
        if (n < 2)
        {
            Array.Fill(rhos, double.NaN);
            Array.Fill(taus, double.NaN);
            return (rhos, taus);
        }
        var bx = new double[n];
        var by = new double[n];
        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < n; i++)
            {
                int k = rng.NextInt(n);
                bx[i] = x[k];
                by[i] = y[k];
            }
            rhos[b] = RankCorrelation.Spearman(bx, by);
            taus[b] = RankCorrelation.KendallTauB(bx, by);
        }
        return (rhos, taus);
    }

    private static (double[] X, double[] Y) FinitePairs(double[] x, double[] y)
    {
        var keep = Enumerable.Range(0, x.Length).Where(i => !double.IsNaN(x[i]) && !double.IsNaN(y[i])).ToArray();
        return (keep.Select(i => x[i]).ToArray(), keep.Select(i => y[i]).ToArray());
    }
}
