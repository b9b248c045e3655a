namespace HpProxy.Core.Analysis;

/// <summary>Small descriptive statistics used by the analysis; NaN entries are ignored.</summary>
public static class Statistics
{
    /// <summary>Quantile q ∈ [0, 1] with linear interpolation between order statistics (numpy's default, Hyndman &amp; Fan type 7).</summary>
    public static double Quantile(ReadOnlySpan<double> values, double q)
    {
        var finite = Finite(values);
        if (finite.Length == 0) return double.NaN;
        Array.Sort(finite);
        double h = (finite.Length - 1) * Math.Clamp(q, 0, 1);
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, finite.Length - 1);
        return finite[lo] + (h - lo) * (finite[hi] - finite[lo]);
    }

    /// <summary>Mean of the non-NaN values; NaN when there are none.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        int count = 0;
        foreach (double v in values)
        {
            if (double.IsNaN(v)) continue;
            sum += v;
            count++;
        }
        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>(mean, lower quantile, upper quantile) of the non-NaN values.</summary>
    public static (double Mean, double Low, double High) Summary(ReadOnlySpan<double> values, double lower, double upper) =>
        (Mean(values), Quantile(values, lower), Quantile(values, upper));

    private static double[] Finite(ReadOnlySpan<double> values)
    {
        var list = new List<double>(values.Length);
        foreach (double v in values)
            if (!double.IsNaN(v)) list.Add(v);
        return [.. list];
    }
}
