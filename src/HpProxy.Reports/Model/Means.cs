namespace HpProxy.Reports.Model;

internal static class Means
{
    /// <summary>Mean of the finite values; NaN when there is none (a proxy that never applied).</summary>
    public static double Finite(IEnumerable<double> values)
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
