namespace HpProxy.Core.Envs.Classic;

/// <summary>
/// The shaped rewards of the DeepMind Control Suite (<c>dm_control.utils.rewards.tolerance</c>, Tassa et al.
/// 2018) for bounds (0, 0): 1 at zero distance, falling to <c>valueAtMargin</c> at distance <c>margin</c>.
/// </summary>
internal static class Tolerance
{
    /// <summary>Gaussian sigmoid: valueAtMargin^((d/margin)²).</summary>
    public static double Gaussian(double distance, double margin, double valueAtMargin = 0.1)
    {
        double x = distance / margin;
        return Math.Pow(valueAtMargin, x * x);
    }

    /// <summary>Quadratic sigmoid with value 0 at the margin: max(0, 1 − (d/margin)²).</summary>
    public static double Quadratic(double distance, double margin)
    {
        double x = distance / margin;
        return Math.Max(0.0, 1.0 - x * x);
    }
}
