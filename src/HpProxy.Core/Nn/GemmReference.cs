using System.Numerics.Tensors;

namespace HpProxy.Core.Nn;

/// <summary>
/// Straightforward row-major products on TensorPrimitives (dot products and axpys): the correctness reference for
/// <see cref="Gemm"/> in tests and its fallback on hardware without 256-bit SIMD.
/// forward Z = X·Wᵀ, input gradient dX = dZ·W, weight gradient dW += dZᵀ·X.
/// </summary>
internal static class GemmReference
{
    /// <summary>C (+)= A·Bᵀ with A [m×k], B [n×k], C [m×n].</summary>
    public static void MultiplyTransposedB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, bool accumulate)
    {
        for (int i = 0; i < m; i++)
        {
            var ai = a.Slice(i * k, k);
            var ci = c.Slice(i * n, n);
            for (int j = 0; j < n; j++)
            {
                float d = TensorPrimitives.Dot(ai, b.Slice(j * k, k));
                ci[j] = accumulate ? ci[j] + d : d;
            }
        }
    }

    /// <summary>C (+)= A·B with A [m×k], B [k×n], C [m×n].</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, bool accumulate)
    {
        if (!accumulate)
            c.Slice(0, m * n).Clear();
        for (int i = 0; i < m; i++)
        {
            var ci = c.Slice(i * n, n);
            for (int p = 0; p < k; p++)
            {
                float s = a[i * k + p];
                if (s != 0f)
                    TensorPrimitives.MultiplyAdd(b.Slice(p * n, n), s, ci, ci);
            }
        }
    }

    /// <summary>C (+)= Aᵀ·B with A [k×m], B [k×n], C [m×n].</summary>
    public static void MultiplyTransposedA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, bool accumulate)
    {
        if (!accumulate)
            c.Slice(0, m * n).Clear();
        for (int p = 0; p < k; p++)
        {
            var bp = b.Slice(p * n, n);
            for (int i = 0; i < m; i++)
            {
                float s = a[p * m + i];
                if (s != 0f)
                {
                    var ci = c.Slice(i * n, n);
                    TensorPrimitives.MultiplyAdd(bp, s, ci, ci);
                }
            }
        }
    }
}
