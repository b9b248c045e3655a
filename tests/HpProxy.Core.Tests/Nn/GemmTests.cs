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
        int[][] shapes = [[8, 32, 4], [1, 1, 1], [7, 17, 5], [9, 33, 3], [16, 6, 129], [256, 256, 17], [13, 70, 300], [300, 40, 2], [6, 16, 16], [250, 530, 9], [24, 40, 7], [8, 24, 8], [16, 37, 21], [40, 64, 64], [9, 8, 16],
            // the products of a 17→64→64→6 MLP at batch 256 (B read in place, 6- and 17-wide edges)
            [256, 64, 17], [256, 6, 64], [6, 64, 256], [256, 64, 6], [64, 17, 256], [64, 64, 256],
            // column tails (n ≤ 4 with A transposed), a critic's 1-wide output, rows not a multiple of 8
            [37, 3, 300], [256, 1, 64], [72, 4, 9], [8, 5, 3], [64, 3, 256]];
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

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Bias_row_product_equals_filling_then_accumulating_bit_for_bit(int m, int n, int k, int bits)
    {
        if (bits == 512 && !Vector512.IsHardwareAccelerated || bits == 256 && !Vector256.IsHardwareAccelerated)
            return;
        var rng = new Rng((ulong)(m * 7919 + n * 31 + k));
        var a = NnTestData.Uniform(rng, m * k);
        var b = NnTestData.Uniform(rng, n * k);
        var row = NnTestData.Uniform(rng, n);
        var expected = new float[m * n];
        for (int i = 0; i < m; i++)
            row.CopyTo(expected, i * n);
        Gemm.MultiplyTransposedB(a, b, expected, m, n, k, accumulate: true, bits);
        var actual = NnTestData.Uniform(rng, m * n); // garbage: must be overwritten
        Gemm.MultiplyTransposedBAddRow(a, b, row, actual, m, n, k, bits);
        Assert.Equal(expected, actual);
        // and it is the product plus the row, against the reference
        var reference = new float[m * n];
        for (int i = 0; i < m; i++)
            row.CopyTo(reference, i * n);
        GemmReference.MultiplyTransposedB(a, b, reference, m, n, k, accumulate: true);
        for (int i = 0; i < reference.Length; i++)
            Assert.True(MathF.Abs(reference[i] - actual[i]) <= 1e-4f * (1 + MathF.Abs(reference[i])), $"[{i}]: {actual[i]} vs {reference[i]}");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Overwriting_equals_clearing_then_accumulating_bit_for_bit(int m, int n, int k, int bits)
    {
        if (bits == 512 && !Vector512.IsHardwareAccelerated || bits == 256 && !Vector256.IsHardwareAccelerated)
            return;
        var rng = new Rng((ulong)(m * 104729 + n * 17 + k));
        var a = NnTestData.Uniform(rng, m * k);
        var b = NnTestData.Uniform(rng, n * k);
        Product2[] products =
        [
            (c, acc) => Gemm.MultiplyTransposedB(a, b, c, m, n, k, acc, bits),
            (c, acc) => Gemm.Multiply(a, b, c, m, n, k, acc, bits),
            (c, acc) => Gemm.MultiplyTransposedA(a, b, c, m, n, k, acc, bits),
        ];
        foreach (var product in products)
        {
            var cleared = new float[m * n];
            product(cleared, true);
            var overwritten = NnTestData.Uniform(rng, m * n);
            product(overwritten, false);
            Assert.Equal(cleared, overwritten);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Reading_B_in_place_equals_packing_it_bit_for_bit(int m, int n, int k, int bits)
    {
        if (bits == 512 && !Vector512.IsHardwareAccelerated || bits == 256 && !Vector256.IsHardwareAccelerated)
            return;
        var rng = new Rng((ulong)(m * 15485863 + n * 13 + k));
        var a = NnTestData.Uniform(rng, m * k);
        var b = NnTestData.Uniform(rng, n * k);
        var c0 = NnTestData.Uniform(rng, m * n);
        Product2[] products =
        [
            (c, acc) => Gemm.Multiply(a, b, c, m, n, k, acc, bits),
            (c, acc) => Gemm.MultiplyTransposedA(a, b, c, m, n, k, acc, bits),
        ];
        foreach (var product in products)
            foreach (bool accumulate in new[] { false, true })
            {
                var packed = (float[])c0.Clone();
                Gemm.PackAllB = true;
                try
                {
                    product(packed, accumulate);
                }
                finally
                {
                    Gemm.PackAllB = false;
                }
                var direct = (float[])c0.Clone();
                product(direct, accumulate);
                Assert.Equal(packed, direct);
            }
    }

    private delegate void Product2(float[] c, bool accumulate);

    /// <summary>
    /// Every blocked path (full tiles, masked narrow panels, column tails, B packed or read in place, both vector
    /// widths) computes each element as init + A(i,0)·B(0,j) + A(i,1)·B(1,j) + … with one fused multiply-add per
    /// term, in order. That is what makes a change of path leave training results unchanged to the last bit.
    /// </summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Blocked_products_are_an_ordered_fused_multiply_add_chain(int m, int n, int k, int bits)
    {
        if (bits == 512 && !Vector512.IsHardwareAccelerated || bits == 256 && !Vector256.IsHardwareAccelerated)
            return;
        var rng = new Rng((ulong)(m * 524287 + n * 7 + k));
        var a = NnTestData.Uniform(rng, m * k);
        var b = NnTestData.Uniform(rng, n * k);
        var c0 = NnTestData.Uniform(rng, m * n);
        // A(i, p) and B(p, j) of each product, from the same buffers.
        (string Name, Func<int, int, float> A, Func<int, int, float> B, Product2 Run)[] products =
        [
            ("A·Bᵀ", (i, p) => a[i * k + p], (p, j) => b[j * k + p], (c, acc) => Gemm.MultiplyTransposedB(a, b, c, m, n, k, acc, bits)),
            ("A·B", (i, p) => a[i * k + p], (p, j) => b[p * n + j], (c, acc) => Gemm.Multiply(a, b, c, m, n, k, acc, bits)),
            ("Aᵀ·B", (i, p) => a[p * m + i], (p, j) => b[p * n + j], (c, acc) => Gemm.MultiplyTransposedA(a, b, c, m, n, k, acc, bits)),
        ];
        foreach (var (name, aAt, bAt, run) in products)
            foreach (bool accumulate in new[] { false, true })
            {
                var actual = (float[])c0.Clone();
                run(actual, accumulate);
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++)
                    {
                        float sum = accumulate ? c0[i * n + j] : 0f;
                        for (int p = 0; p < k; p++)
                            sum = MathF.FusedMultiplyAdd(aAt(i, p), bAt(p, j), sum);
                        Assert.True(sum == actual[i * n + j], $"{name} accumulate={accumulate} ({i}, {j}): {actual[i * n + j]:R} vs {sum:R}");
                    }
            }
    }

    [Theory]
    [InlineData(5, 19)]
    [InlineData(256, 6)]
    [InlineData(256, 64)]
    [InlineData(3, 70)]
    [InlineData(7, 261)]
    public void Column_sums_accumulate_row_by_row(int rows, int cols)
    {
        var rng = new Rng((ulong)(rows * 1000 + cols));
        var x = NnTestData.Uniform(rng, rows * cols);
        var acc = NnTestData.Uniform(rng, cols);
        var expected = (float[])acc.Clone();
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < cols; j++)
                expected[j] += x[r * cols + j];
        Gemm.AddColumnSums(x, rows, cols, acc);
        // Same additions in the same order per column: equal to the last bit.
        Assert.Equal(expected, acc);
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
