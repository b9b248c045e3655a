namespace HpProxy.Reports.Analysis;

internal static class Percentile
{
    /// <summary>Percentile of sorted values with linear interpolation between order statistics (numpy's default);
    /// NaN for no values.</summary>
    public static double Of(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) return double.NaN;
        double pos = q * (sorted.Count - 1);
        int lo = (int)Math.Floor(pos), hi = (int)Math.Ceiling(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
