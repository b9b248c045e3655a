namespace HpProxy.Core.Analysis;

/// <summary>
/// Rank correlations between a proxy and the oracle (SPEC.md §6), matching scipy.stats.spearmanr and
/// scipy.stats.kendalltau (variant "b") on inputs without NaN.
/// NaN handling: a pair where either value is NaN is dropped; fewer than 2 remaining pairs, or a side whose
/// values are all equal (zero rank variance), gives NaN.
/// </summary>
public static class RankCorrelation
{
    /// <summary>Spearman's ρ: Pearson correlation of average ranks (ties share the mean of their ranks).</summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (xs, ys) = DropNaNPairs(x, y);
        if (xs.Length < 2) return double.NaN;
        return Pearson(AverageRanks(xs), AverageRanks(ys));
    }

    /// <summary>
    /// Kendall's τ-b = (n_c − n_d) / √((n_0 − n_1)(n_0 − n_2)), where n_1 and n_2 count pairs tied in x and in y
    /// (Kendall 1945). Computed by direct O(n²) pair enumeration: the analysis correlates a few hundred
    /// configurations at most (≈ 5·10⁴ pairs), where this is cheaper and simpler than Knight's O(n log n) merge
    /// sort; it stays under a second up to n ≈ 10⁴.
    /// </summary>
    public static double KendallTauB(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (xs, ys) = DropNaNPairs(x, y);
        int n = xs.Length;
        if (n < 2) return double.NaN;
        long s = 0, untiedX = 0, untiedY = 0;
        for (int i = 0; i < n; i++)
        {
            double xi = xs[i], yi = ys[i];
            for (int j = i + 1; j < n; j++)
            {
                int sx = xi > xs[j] ? 1 : xi < xs[j] ? -1 : 0; // comparisons, not subtraction: ±∞ stay ordered
                int sy = yi > ys[j] ? 1 : yi < ys[j] ? -1 : 0;
                s += sx * sy;
                if (sx != 0) untiedX++;
                if (sy != 0) untiedY++;
            }
        }
        if (untiedX == 0 || untiedY == 0) return double.NaN;
        return s / Math.Sqrt((double)untiedX * untiedY);
    }

    /// <summary>1-based ranks, ties replaced by the mean of the ranks they span (scipy's "average" method).</summary>
    public static double[] AverageRanks(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var keys = values.ToArray();
        // Stable order by value; ties are averaged below so their internal order does not matter.
        Array.Sort(keys, order);
        var ranks = new double[n];
        int start = 0;
        while (start < n)
        {
            int end = start + 1;
            while (end < n && keys[end] == keys[start]) end++;
            double rank = (start + 1 + end) / 2.0; // mean of ranks start+1 .. end
            for (int k = start; k < end; k++) ranks[order[k]] = rank;
            start = end;
        }
        return ranks;
    }

    /// <summary>Pearson correlation in double precision; NaN for fewer than 2 points or zero variance.</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("x and y lengths differ");
        int n = x.Length;
        if (n < 2) return double.NaN;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) return double.NaN;
        double r = sxy / Math.Sqrt(sxx * syy);
        return Math.Clamp(r, -1.0, 1.0);
    }

    private static (double[] X, double[] Y) DropNaNPairs(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("x and y lengths differ");
        int kept = 0;
        for (int i = 0; i < x.Length; i++)
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i])) kept++;
        var xs = new double[kept];
        var ys = new double[kept];
        int k = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            xs[k] = x[i];
            ys[k] = y[i];
            k++;
        }
        return (xs, ys);
    }
}
