namespace HpProxy.Core.Envs.Classic;

internal static class AngleMath
{
    /// <summary>Wraps an angle to [-π, π) (Gym's <c>angle_normalize</c>).</summary>
    public static double Wrap(double x)
    {
        double y = (x + Math.PI) % (2 * Math.PI);
        if (y < 0) y += 2 * Math.PI;
        return y - Math.PI;
    }
}
