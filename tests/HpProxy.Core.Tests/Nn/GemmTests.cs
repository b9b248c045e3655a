using System.Runtime.Intrinsics;
using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Tests.Nn;

/// <summary>The blocked GEMM against the straightforward reference on shapes that hit every edge case.</summary>
public class GemmTests
{
    public static TheoryData<int, int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int, int>();
        // (m, n, k) include: exact tiles, ragged m/n/k, narrow (≤16) panels, k and m beyond one packed block.
        int[][] shapes = [[8, 32, 4], [1, 1, 1], [7, 17, 5], [9, 33, 3], [16, 6, 129], [256, 256, 17], [13, 70, 300], [300, 40, 2], [6, 16, 16], [250, 530, 9], [24, 40, 7], [8, 24, 8], [16, 37, 21], [40, 64, 64], [9, 8, 16]];
        foreach (var s in shapes)
            foreach (int bits in new[] { 512, 256 })
                data.Add(s[0], s[1], s[2], bits);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Blocked_products_match_the_reference(int m, int n, int k, int bits)
    {
        if (bits == 512 && !Vector512.IsHardwareAccelerated || bits == 256 && !Vector256.IsHardwareAccelerated)
            return; // that path cannot run on this machine
        var rng = new Rng((ulong)(m * 1000 + n * 10 + k));
        var a = NnTestData.Uniform(rng, m * k);
        var b = NnTestData.Uniform(rng, Math.Max(n * k, k * n));
        var c0 = NnTestData.Uniform(rng, m * n);
        foreach (bool accumulate in new[] { false, true })
        {
            Compare((c, v) => Gemm.MultiplyTransposedB(a, b, c, m, n, k, accumulate, v), c0, bits, "A·Bᵀ");
            Compare((c, v) => Gemm.Multiply(a, b, c, m, n, k, accumulate, v), c0, bits, "A·B");
            Compare((c, v) => Gemm.MultiplyTransposedA(a, b, c, m, n, k, accumulate, v), c0, bits, "Aᵀ·B");
        }
    }

    [Fact]
    public void Column_sums_accumulate()
    {
        var rng = new Rng(4);
        const int rows = 5, cols = 19;
        var x = NnTestData.Uniform(rng, rows * cols);
        var acc = NnTestData.Uniform(rng, cols);
        var expected = (float[])acc.Clone();
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < cols; j++)
                expected[j] += x[r * cols + j];
        Gemm.AddColumnSums(x, rows, cols, acc);
        for (int j = 0; j < cols; j++)
            Assert.Equal(expected[j], acc[j], 4);
    }

    private delegate void Product(float[] c, int vectorBits);

    private static void Compare(Product product, float[] initial, int bits, string what)
    {
        var expected = (float[])initial.Clone();
        var actual = (float[])initial.Clone();
        product(expected, 1);
        product(actual, bits);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(MathF.Abs(expected[i] - actual[i]) <= 1e-4f * (1 + MathF.Abs(expected[i])), $"{what} [{i}]: {actual[i]} vs {expected[i]}");
    }
}
