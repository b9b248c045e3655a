using HpProxy.Core.Common;

namespace HpProxy.Core.Tests.Nn;

internal static class NnTestData
{
    public static float[] Uniform(Rng rng, int n, double low = -1, double high = 1)
    {
        var x = new float[n];
        for (int i = 0; i < n; i++)
            x[i] = (float)rng.Uniform(low, high);
        return x;
    }

    public static double WeightedSum(ReadOnlySpan<float> y, float[] w)
    {
        double s = 0;
        for (int i = 0; i < y.Length; i++)
            s += (double)w[i] * y[i];
        return s;
    }
}
