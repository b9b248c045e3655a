namespace HpProxy.Reports.Analysis;

/// <summary>
/// Rank correlations used until <c>HpProxy.Core.Analysis.RankCorrelation</c> is on main; the report calls them only
/// through <see cref="AnalysisSource"/>. Spearman ρ is Pearson's r on average ranks (ties share the mean rank);
/// Kendall τ-b corrects for ties in both variables (Kendall 1945), as scipy.stats.kendalltau does.
/// </summary>
internal static class InterimRankStatistics
{
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("x and y differ in length");
        if (x.Length < 2) return double.NaN;
        double[] rx = AverageRanks(x), ry = AverageRanks(y);
        return Pearson(rx, ry);
    }

    public static double KendallTauB(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("x and y differ in length");
        int n = x.Length;
        if (n < 2) return double.NaN;
        long concordant = 0, discordant = 0, tiesX = 0, tiesY = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                int sx = Math.Sign(x[i] - x[j]), sy = Math.Sign(y[i] - y[j]);
                if (sx == 0 && sy == 0) continue;
                if (sx == 0) tiesX++;
                else if (sy == 0) tiesY++;
                else if (sx == sy) concordant++;
                else discordant++;
            }
        }
        double denom = Math.Sqrt((double)(concordant + discordant + tiesX) * (concordant + discordant + tiesY));
        return denom == 0 ? double.NaN : (concordant - discordant) / denom;
    }

    public static double[] AverageRanks(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        double[] copy = values.ToArray();
        Array.Sort(order, (a, b) => copy[a] != copy[b] ? copy[a].CompareTo(copy[b]) : a.CompareTo(b));
        double[] ranks = new double[n];
        int start = 0;
        while (start < n)
        {
            int end = start;
            while (end + 1 < n && copy[order[end + 1]] == copy[order[start]]) end++;
            double rank = (start + end) / 2.0 + 1.0;
            for (int k = start; k <= end; k++) ranks[order[k]] = rank;
            start = end + 1;
        }
        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Percentile with linear interpolation between order statistics (numpy's default).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) return double.NaN;
        double pos = q * (sorted.Count - 1);
        int lo = (int)Math.Floor(pos), hi = (int)Math.Ceiling(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
