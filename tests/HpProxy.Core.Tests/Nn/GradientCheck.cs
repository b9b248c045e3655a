namespace HpProxy.Core.Tests.Nn;

/// <summary>
/// Central finite differences of a scalar function with respect to entries of a float array, for comparing
/// against hand-written backprop. The function is evaluated in float (the network's precision) but should sum
/// its result in double; errors are judged on the whole gradient vector (relative L2 error), which is robust to
/// the float rounding of individual tiny entries.
/// </summary>
internal static class GradientCheck
{
    /// <summary>∂f/∂x[i] ≈ (f(x + h eᵢ) − f(x − h eᵢ)) / 2h for every i (x is restored).</summary>
    public static double[] Numeric(float[] x, Func<double> f, float h = 1e-2f)
    {
        var g = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            float old = x[i];
            x[i] = old + h;
            double plus = f();
            x[i] = old - h;
            double minus = f();
            x[i] = old;
            // Use the actually represented step, not h, to remove float rounding of old ± h.
            g[i] = (plus - minus) / ((double)(old + h) - (old - h));
        }
        return g;
    }

    /// <summary>‖a − n‖ / max(‖a‖, ‖n‖, floor).</summary>
    public static double RelativeError(ReadOnlySpan<float> analytic, double[] numeric, double floor = 1e-6)
    {
        Assert.Equal(numeric.Length, analytic.Length);
        double diff = 0, na = 0, nn = 0;
        for (int i = 0; i < numeric.Length; i++)
        {
            Assert.True(double.IsFinite(analytic[i]), $"analytic gradient {i} is {analytic[i]}");
            double d = analytic[i] - numeric[i];
            diff += d * d;
            na += (double)analytic[i] * analytic[i];
            nn += numeric[i] * numeric[i];
        }
        return Math.Sqrt(diff) / Math.Max(Math.Max(Math.Sqrt(na), Math.Sqrt(nn)), floor);
    }

    /// <summary>
    /// Asserts a small relative error. With <paramref name="requireNonZero"/> the numeric gradient must not be all
    /// zero, so that the check cannot pass by comparing two zero vectors.
    /// </summary>
    public static void AssertClose(ReadOnlySpan<float> analytic, double[] numeric, double tolerance, string what, bool requireNonZero = true)
    {
        if (requireNonZero)
            Assert.True(numeric.Any(v => Math.Abs(v) > 1e-5), $"{what}: numeric gradient is all zero");
        else if (numeric.All(v => Math.Abs(v) < 1e-5))
        {
            foreach (float a in analytic)
                Assert.True(Math.Abs(a) < 1e-4, $"{what}: analytic {a} where numeric is zero");
            return;
        }
        double err = RelativeError(analytic, numeric);
        Assert.True(err < tolerance, $"{what}: relative gradient error {err:G3} >= {tolerance:G3}");
    }
}
