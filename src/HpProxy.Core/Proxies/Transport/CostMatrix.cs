using System.Numerics.Tensors;

namespace HpProxy.Core.Proxies.Transport;

/// <summary>
/// Builds dense ground-cost matrices between two row-major point clouds X [n × d] and Y [m × d].
/// Differences are formed explicitly (not through ‖x‖² + ‖y‖² − 2x·y) so identical points cost exactly 0.
/// </summary>
public static class CostMatrix
{
    /// <summary>Single-precision cost matrix [n × m], row-major, vectorised over the m columns.</summary>
    public static float[] Compute(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int dimension, GroundCost cost)
    {
        Validate(x.Length, y.Length, dimension);
        int n = x.Length / dimension, m = y.Length / dimension;
        var c = new float[n * m];
        // Y transposed [d × m] so each coordinate of every y is one contiguous vector.
        var yt = new float[dimension * m];
        for (int j = 0; j < m; j++)
            for (int k = 0; k < dimension; k++)
                yt[k * m + j] = y[j * dimension + k];
        var diff = new float[m];
        for (int i = 0; i < n; i++)
        {
            var row = c.AsSpan(i * m, m);
            for (int k = 0; k < dimension; k++)
            {
                TensorPrimitives.Subtract(yt.AsSpan(k * m, m), x[i * dimension + k], diff);
                TensorPrimitives.MultiplyAdd(diff, diff, row, row);
            }
            if (cost == GroundCost.Euclidean) TensorPrimitives.Sqrt(row, row);
        }
        return c;
    }

    /// <summary>Double-precision cost matrix [n × m] for the exact solver.</summary>
    public static double[] ComputeDouble(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int dimension, GroundCost cost)
    {
        Validate(x.Length, y.Length, dimension);
        int n = x.Length / dimension, m = y.Length / dimension;
        var c = new double[n * m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double s = 0;
                for (int k = 0; k < dimension; k++)
                {
                    double d = (double)x[i * dimension + k] - y[j * dimension + k];
                    s += d * d;
                }
                c[i * m + j] = cost == GroundCost.Euclidean ? Math.Sqrt(s) : s;
            }
        }
        return c;
    }

    private static void Validate(int xLength, int yLength, int dimension)
    {
        if (dimension <= 0) throw new ArgumentOutOfRangeException(nameof(dimension));
        if (xLength % dimension != 0 || yLength % dimension != 0)
            throw new ArgumentException("point cloud length is not a multiple of the dimension");
        if (xLength == 0 || yLength == 0) throw new ArgumentException("point clouds must not be empty");
    }
}
