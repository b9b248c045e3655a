using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HpProxy.Core.Nn;

/// <summary>
/// Cache-blocked, register-tiled single-precision GEMM (the BLIS/GotoBLAS scheme, Goto &amp; van de Geijn 2008) for
/// the three products of a Linear layer, all row-major:
///   forward            Z  (+)= X·Wᵀ     X [B×in], W [out×in]
///   input gradient     dX (+)= dZ·W
///   weight gradient    dW (+)= dZᵀ·X
/// Each is C[m×n] (+)= A·B where A and B are read through strides, A(i,p) = a[i·rsA + p·csA] and
/// B(p,j) = b[p·rsB + j·csB], so transposes cost nothing but a different packing order.
///
/// Structure (loops from outside in):
///   pc: k in blocks of KC      — one block of A and B is packed at a time
///   jc: n in blocks of NC      — pack B[kc×nc] into NR-wide column panels, p-major: panel[p·NR + j] (stays in L2)
///   ic: m in blocks of MC      — pack A[mc×kc] into MR-tall row panels, p-major: panel[p·MR + i] (stays in L2)
///   jr: NR-wide panels of B    — one B panel (kc×NR floats) stays in L1 across the ir loop
///   ir: MR-tall panels of A    — micro-kernel: an MR×NR tile of C lives in registers for the whole kc loop;
///                                per p it loads NR/W vectors of B, broadcasts MR scalars of A and does
///                                MR·NR/W fused multiply-adds (W = floats per vector).
/// A is read in place when its rows or columns are contiguous (only a partial last row panel is packed); B too when
/// its rows are contiguous and at most 64 floats long. The accumulators of the first depth block start from C
/// (accumulate), from zero (overwrite) or from a bias row broadcast down the tile, so C is never cleared or
/// pre-filled in a separate pass.
/// Edge tiles (m or n not a multiple of the tile) run the same kernel on a zero-padded copy of the C tile; with
/// AVX-512 a partial 8-wide panel is read and written through a lane mask instead, and a last panel of at most
/// 4 columns with A transposed (a weight gradient) is computed column by column with A's rows in the lanes.
/// Every path computes each element as init + Σ_p A(i,p)·B(p,j), one fused multiply-add per term in order of p,
/// so the path taken never changes the numbers (GemmTests; decision 0007).
///
/// Kernels: with Vector512 (AVX-512) an 8×32 tile = 16 zmm accumulators (and 8×16 / 8×8 tiles for narrow
/// last panels such as a 6-wide output layer); with Vector256 a 6×16 tile = 12 ymm accumulators (fits the 16 ymm
/// registers of AVX2). Without 256-bit SIMD the code falls back to <see cref="GemmReference"/>.
/// Packing buffers are per thread and grow on demand, so steady-state calls allocate nothing.
/// Measurements that chose these constants: docs/decisions/0001-nn-gemm.md and 0007-small-network-step.md.
/// </summary>
internal static unsafe class Gemm
{
    /// <summary>Depth of a packed block: a B panel is KC·NR·4 bytes = 16 KB for NR = 32, half of Zen 4's L1d.</summary>
    private const int KC = 128;

    /// <summary>Rows of A per packed block (MC·KC·4 = 128 KB, in L2).</summary>
    private const int MC = 256;

    /// <summary>Columns of B per packed block (KC·NC·4 = 256 KB, in L2).</summary>
    private const int NC = 512;

    [ThreadStatic] private static float[]? t_packA;

    /// <summary>Read A in place when its layout allows (default); false packs every A block (benchmarks only).</summary>
    internal static bool DirectA { get; set; } = true;

    /// <summary>
    /// True packs every B block, as before B was read in place (tests compare both paths; per thread so that a
    /// test does not change the products of tests running in parallel).
    /// </summary>
    internal static bool PackAllB
    {
        get => t_packAllB;
        set => t_packAllB = value;
    }

    [ThreadStatic] private static bool t_packAllB;

    /// <summary>
    /// Longest B row (floats) read in place; longer rows are packed (decision 0007). Settable for benchmarks only:
    /// the numbers are the same either way, only the speed differs.
    /// </summary>
    internal static int DirectBMaxRow { get; set; } = 64;

    /// <summary>Widest last panel computed column by column when A is transposed (see ColumnBlock).</summary>
    private const int ColumnTailMax = 4;
    [ThreadStatic] private static float[]? t_packB;

    /// <summary>C (+)= A·Bᵀ with A [m×k], B [n×k], C [m×n] (forward X·Wᵀ).</summary>
    public static void MultiplyTransposedB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, bool accumulate, int vectorBits = 0)
    {
        Check(a.Length, m * k, b.Length, n * k, c.Length, m * n);
        // Very few rows (acting on a single observation): packing Wᵀ costs more than the product itself and
        // one dot product per output is ~5× faster at m = 1 (measured crossover ≈ 4 rows, decision 0001).
        if (!UseSimd(vectorBits) || vectorBits == 0 && m < 4)
        {
            GemmReference.MultiplyTransposedB(a, b, c, m, n, k, accumulate);
            return;
        }
        Run(a, k, 1, b, 1, k, c, m, n, k, accumulate, Wide(vectorBits));
    }

    /// <summary>
    /// C = 1·rowᵀ + A·Bᵀ with A [m×k], B [n×k], C [m×n], row [n]: the forward of a Linear layer with its bias
    /// (Z = X·Wᵀ + 1·bᵀ). The kernels start their accumulators from the bias instead of from a C that was first
    /// filled with it, which gives the same numbers (same operations in the same order) without the fill pass.
    /// </summary>
    public static void MultiplyTransposedBAddRow(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> row, Span<float> c, int m, int n, int k, int vectorBits = 0)
    {
        Check(a.Length, m * k, b.Length, n * k, c.Length, m * n);
        if (row.Length < n)
            throw new ArgumentException($"row too short: {row.Length}/{n}", nameof(row));
        if (!UseSimd(vectorBits) || vectorBits == 0 && m < 4)
        {
            for (int i = 0; i < m; i++)
                row.Slice(0, n).CopyTo(c.Slice(i * n, n));
            GemmReference.MultiplyTransposedB(a, b, c, m, n, k, accumulate: true);
            return;
        }
        Run(a, k, 1, b, 1, k, c, m, n, k, accumulate: false, Wide(vectorBits), row);
    }

    /// <summary>C (+)= A·B with A [m×k], B [k×n], C [m×n] (input gradient dZ·W).</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, bool accumulate, int vectorBits = 0)
    {
        Check(a.Length, m * k, b.Length, k * n, c.Length, m * n);
        // Very few rows: row-wise axpys beat packing W (measured crossover ≈ 4 rows, decision 0001).
        if (!UseSimd(vectorBits) || vectorBits == 0 && m < 4)
        {
            GemmReference.Multiply(a, b, c, m, n, k, accumulate);
            return;
        }
        Run(a, k, 1, b, n, 1, c, m, n, k, accumulate, Wide(vectorBits));
    }

    /// <summary>C (+)= Aᵀ·B with A [k×m], B [k×n], C [m×n] (weight gradient dZᵀ·X).</summary>
    public static void MultiplyTransposedA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, bool accumulate, int vectorBits = 0)
    {
        Check(a.Length, k * m, b.Length, k * n, c.Length, m * n);
        if (!UseSimd(vectorBits))
        {
            GemmReference.MultiplyTransposedA(a, b, c, m, n, k, accumulate);
            return;
        }
        Run(a, 1, m, b, n, 1, c, m, n, k, accumulate, Wide(vectorBits));
    }

    // vectorBits: 0 = best path for the shape; 512, 256 or 1 (reference) force a path, for tests on one machine.
    private static bool UseSimd(int vectorBits) => vectorBits switch
    {
        0 => Vector256.IsHardwareAccelerated,
        512 => Vector512.IsHardwareAccelerated,
        256 => Vector256.IsHardwareAccelerated,
        _ => false,
    };

    private static bool Wide(int vectorBits) => vectorBits == 0 ? Vector512.IsHardwareAccelerated : vectorBits == 512;

    private static void Check(int aLength, int aNeeded, int bLength, int bNeeded, int cLength, int cNeeded)
    {
        // The kernels use raw pointers: refuse spans that are too short instead of reading past them.
        if (aLength < aNeeded || bLength < bNeeded || cLength < cNeeded)
            throw new ArgumentException($"GEMM operand too short: A {aLength}/{aNeeded}, B {bLength}/{bNeeded}, C {cLength}/{cNeeded}");
    }

    [SkipLocalsInit] // the stack buffers below are cleared where their contents are read
    private static void Run(ReadOnlySpan<float> aSpan, int rsA, int csA, ReadOnlySpan<float> bSpan, int rsB, int csB,
        Span<float> cSpan, int m, int n, int k, bool accumulate, bool wide, ReadOnlySpan<float> rowSpan = default)
    {
        if (m == 0 || n == 0)
            return;
        bool rowInit = !accumulate && !rowSpan.IsEmpty;
        if (k == 0)
        {
            // No product: C is its initial value.
            for (int i = 0; i < m && !accumulate; i++)
            {
                if (rowInit)
                    rowSpan.Slice(0, n).CopyTo(cSpan.Slice(i * n, n));
                else
                    cSpan.Slice(i * n, n).Clear();
            }
            return;
        }

        int mr = wide ? 8 : 6;
        int nr = wide ? 32 : 16;
        int mcBlock = MC - MC % mr;
        // The kernel reads A(i, p) = ap[i·rowStride + p·pStep] from eight row pointers, so when A is row-major
        // (rowStride = k, pStep = 1: X·Wᵀ, dZ·W) or transposed row-major (rowStride = 1, pStep = m: dZᵀ·X) it
        // is read in place and only a partial last panel is packed. Packing A only pays when A panels are
        // re-read from a worse layout; here it measured slower at every shape (docs/decisions/0001-nn-gemm.md).
        bool directA = DirectA && (rsA == 1 || csA == 1);
        // B with contiguous rows (W in dZ·W, X in dZᵀ·X) is read in place too when its rows are short: a full
        // panel is then NR consecutive floats per p at stride rsB, and copying it into a packed panel was a
        // measurable share of the small products. Rows of more than 64 floats are still packed: at 256 floats
        // both ways measured the same (decision 0007), and the large network was tuned with packed panels.
        bool directB = !PackAllB && csB == 1 && rsB <= DirectBMaxRow;
        var packA = t_packA ??= new float[(MC + 8) * KC];
        var packB = t_packB ??= new float[KC * (NC + 32)];
        float* tile = stackalloc float[8 * 32];
        // The accumulators of the first depth block start from C (accumulate), from zero, or from the bias row
        // broadcast down the rows (init stride 0). Later depth blocks always continue from C.
        float* zeros = stackalloc float[32];
        new Span<float>(zeros, 32).Clear();
        // The bias of a partial last panel, zero-padded to the panel width (the kernel reads a whole panel).
        float* edgeRow = stackalloc float[32];

        fixed (float* a = aSpan, b = bSpan, c = cSpan, pa = packA, pb = packB, row = rowSpan)
        {
            for (int pc = 0; pc < k; pc += KC)
            {
                int kc = Math.Min(KC, k - pc);
                for (int jc = 0; jc < n; jc += NC)
                {
                    int nc = Math.Min(NC, n - jc);
                    float* bBlock = b + (nint)pc * rsB + (nint)jc * csB;
                    if (!directB)
                        PackB(bBlock, rsB, csB, kc, nc, nr, wide, pb);
                    for (int ic = 0; ic < m; ic += mcBlock)
                    {
                        int mc = Math.Min(mcBlock, m - ic);
                        int fullRows = mc - mc % mr;
                        if (!directA)
                            PackA(a + (nint)ic * rsA + (nint)pc * csA, rsA, csA, mc, kc, mr, pa);
                        else if (fullRows < mc)
                        {
                            // A partial last panel would read past the rows of A: pack just that panel, zero-padded.
                            PackA(a + (nint)(ic + fullRows) * rsA + (nint)pc * csA, rsA, csA, mc - fullRows, kc, mr, pa);
                        }
                        for (int jr = 0, panel; jr < nc; jr += panel)
                        {
                            // Panel width: NR, or narrower near the right edge (see PanelWidth).
                            panel = PanelWidth(wide, nc - jr, nr);
                            int width = Math.Min(panel, nc - jr);
                            // B(p, j) for the panel = bp[p·bStride + j]: packed (bStride = panel) or B in place.
                            float* bp = pb + (nint)jr * kc;
                            nint bStride = panel;
                            if (directB && width == panel)
                            {
                                bp = bBlock + jr;
                                bStride = rsB;
                            }
                            else if (directB && !(wide && directA && rsA == 1 && width <= ColumnTailMax))
                            {
                                // A partial last panel would read past the end of B's rows: pack just that panel.
                                // (Packed again for each row block; a row block is 256 rows, so at most a few times.)
                                PackB(bBlock + jr, rsB, csB, kc, width, nr, wide, pb);
                                bp = pb;
                            }
                            if (wide && directA && rsA == 1 && width <= ColumnTailMax && width < panel)
                            {
                                // A narrow last panel with A transposed (weight gradient): column by column over
                                // the whole row block, B read where it lies (b[p·rsB + j], or the packed panel).
                                float* bCol = directB ? bBlock + jr : bp;
                                nint bColStride = directB ? rsB : bStride;
                                for (int j = 0; j < width; j++)
                                {
                                    float* cj = c + (nint)ic * n + jc + jr + j;
                                    float* initJ = cj;
                                    nint initJStride = n;
                                    if (pc == 0 && !accumulate)
                                    {
                                        initJ = rowInit ? row + jc + jr + j : zeros;
                                        initJStride = 0;
                                    }
                                    ColumnBlock(kc, a + ic + (nint)pc * csA, csA, bCol + j, bColStride, cj, n, initJ, initJStride, mc);
                                }
                                continue;
                            }
                            float* panelRow = row + jc + jr;
                            if (rowInit && width < panel)
                            {
                                new Span<float>(edgeRow, 32).Clear();
                                new ReadOnlySpan<float>(panelRow, width).CopyTo(new Span<float>(edgeRow, width));
                                panelRow = edgeRow;
                            }
                            for (int ir = 0; ir < mc; ir += mr)
                            {
                                int height = Math.Min(mr, mc - ir);
                                // A(i, p) for the panel = ap[i·rowStride + p·pStep]: packed, or A in place.
                                float* ap = pa + (nint)ir * kc;
                                nint rowStride = 1, pStep = mr;
                                if (directA && height == mr)
                                {
                                    ap = a + (nint)(ic + ir) * rsA + (nint)pc * csA;
                                    rowStride = rsA;
                                    pStep = csA;
                                }
                                else if (directA)
                                {
                                    ap = pa; // the partial panel packed above
                                }
                                float* cp = c + (nint)(ic + ir) * n + jc + jr;
                                // Initial accumulator rows: init[i·initStride + j].
                                float* init = cp;
                                nint initStride = n;
                                if (pc == 0 && !accumulate)
                                {
                                    init = rowInit ? panelRow : zeros;
                                    initStride = 0;
                                }
                                if (height == mr && width == panel)
                                    Kernel(wide, panel, kc, ap, rowStride, pStep, bp, bStride, cp, n, init, initStride);
                                else
                                    EdgeTile(wide, panel, kc, ap, rowStride, pStep, bp, bStride, cp, n, init, initStride, height, width, tile);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Runs the kernel on a partial C tile through a full-size scratch tile and writes back the valid part. When
    /// the accumulators start from C (initStride ≠ 0) the valid part of C is copied in, zero-padded; a broadcast
    /// row or zeros (initStride = 0) is already padded to the panel width and is read directly. Element loops
    /// rather than span copies: the rows are short (a 6-wide output layer) and a library call per row cost more
    /// than the copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void EdgeTile(bool wide, int panel, int kc, float* ap, nint rowStride, nint pStep, float* bp, nint bStride,
        float* cp, int ldc, float* init, nint initStride, int height, int width, float* tile)
    {
        int mr = wide ? 8 : 6;
        if (wide && panel == 8 && height == mr && Avx512F.VL.IsSupported)
        {
            // A narrow output layer (n ≤ 8): read and write C's short rows through a lane mask, no scratch tile.
            Kernel8x8(kc, ap, rowStride, pStep, bp, bStride, cp, ldc, init, initStride, width);
            return;
        }
        if (initStride != 0)
        {
            new Span<float>(tile, mr * panel).Clear();
            for (int i = 0; i < height; i++)
                for (int j = 0; j < width; j++)
                    tile[i * panel + j] = init[i * initStride + j];
            init = tile;
            initStride = panel;
        }
        Kernel(wide, panel, kc, ap, rowStride, pStep, bp, bStride, tile, panel, init, initStride);
        for (int i = 0; i < height; i++)
            for (int j = 0; j < width; j++)
                cp[(nint)i * ldc + j] = tile[i * panel + j];
    }

    /// <summary>
    /// acc[j] += Σ_r x[r·cols + j] (bias gradient = column sums of dZ), rows added in order r = 0, 1, … to each
    /// column's running sum. Four vectors of columns are summed side by side: one vector per pass made each add
    /// wait for the previous one (a latency-bound chain), which cost 2 µs for a 256×64 dZ.
    /// </summary>
    public static void AddColumnSums(ReadOnlySpan<float> x, int rows, int cols, Span<float> acc)
    {
        Check(x.Length, rows * cols, acc.Length, cols, acc.Length, cols);
        int w = Vector256<float>.Count;
        int j = 0;
        fixed (float* px = x, pacc = acc)
        {
            if (Vector256.IsHardwareAccelerated)
            {
                for (; j <= cols - 4 * w; j += 4 * w)
                {
                    float* col = px + j;
                    var s0 = Vector256.Load(pacc + j);
                    var s1 = Vector256.Load(pacc + j + w);
                    var s2 = Vector256.Load(pacc + j + 2 * w);
                    var s3 = Vector256.Load(pacc + j + 3 * w);
                    for (int r = 0; r < rows; r++, col += cols)
                    {
                        s0 += Vector256.Load(col);
                        s1 += Vector256.Load(col + w);
                        s2 += Vector256.Load(col + 2 * w);
                        s3 += Vector256.Load(col + 3 * w);
                    }
                    s0.Store(pacc + j);
                    s1.Store(pacc + j + w);
                    s2.Store(pacc + j + 2 * w);
                    s3.Store(pacc + j + 3 * w);
                }
                for (; j <= cols - w; j += w)
                {
                    float* col = px + j;
                    var s0 = Vector256.Load(pacc + j);
                    for (int r = 0; r < rows; r++, col += cols)
                        s0 += Vector256.Load(col);
                    s0.Store(pacc + j);
                }
            }
            // Remaining columns (< 8, e.g. a 6-wide output layer): all of them in one pass over the rows, so the
            // adds of different columns overlap.
            int rest = cols - j;
            if (rest > 0)
            {
                float* sums = stackalloc float[8];
                for (int q = 0; q < rest; q++)
                    sums[q] = pacc[j + q];
                float* col = px + j;
                for (int r = 0; r < rows; r++, col += cols)
                    for (int q = 0; q < rest; q++)
                        sums[q] += col[q];
                for (int q = 0; q < rest; q++)
                    pacc[j + q] = sums[q];
            }
        }
    }

    /// <summary>
    /// Width of the next B panel when <paramref name="remaining"/> columns are left. On the 512-bit path: 32
    /// while more than 24 remain (padding at most 7 lanes), a full 16 for 17–24 (then an 8 for the rest), 16 for
    /// 9–16 and 8 for 1–8: a 6-wide output layer would waste 26 of 32 lanes in an 8×32 tile, a 17-wide input
    /// layer 15 (16 + 8 wastes 7 lanes, and an 8-wide panel costs half a 16-wide one). Every panel but the last
    /// is full, so the panel starting at column j sits at j·kc in the packed buffer.
    /// </summary>
    private static int PanelWidth(bool wide, int remaining, int nr) => !wide ? nr : remaining > 24 ? nr : remaining > 8 ? 16 : 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel(bool wide, int panel, int kc, float* ap, nint rowStride, nint pStep, float* bp, nint bStride, float* cp, int ldc,
        float* init, nint initStride)
    {
        if (!wide)
            Kernel6x16(kc, ap, rowStride, pStep, bp, bStride, cp, ldc, init, initStride);
        else if (panel == 32)
            Kernel8x32(kc, ap, rowStride, pStep, bp, bStride, cp, ldc, init, initStride);
        else if (panel == 16)
            Kernel8x16(kc, ap, rowStride, pStep, bp, bStride, cp, ldc, init, initStride);
        else
            Kernel8x8(kc, ap, rowStride, pStep, bp, bStride, cp, ldc, init, initStride);
    }

    /// <summary>
    /// Packs A[mc×kc] (strided) into MR-tall panels, p-major: panel r holds rows r·MR.. as [p·MR + i]; rows past
    /// mc are zero so edge tiles compute garbage-free zeros.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackA(float* a, int rs, int cs, int mc, int kc, int mr, float* dst)
    {
        for (int i0 = 0; i0 < mc; i0 += mr)
        {
            int height = Math.Min(mr, mc - i0);
            float* panel = dst + (nint)i0 * kc;
            if (rs == 1)
            {
                // Rows contiguous for fixed p (A is a transposed row-major matrix, e.g. dZᵀ): copy runs.
                for (int p = 0; p < kc; p++)
                {
                    float* src = a + (nint)p * cs + i0;
                    float* d = panel + p * mr;
                    for (int i = 0; i < height; i++)
                        d[i] = src[i];
                    for (int i = height; i < mr; i++)
                        d[i] = 0f;
                }
            }
            else
            {
                for (int i = 0; i < mr; i++)
                {
                    float* d = panel + i;
                    if (i < height)
                    {
                        float* src = a + (nint)(i0 + i) * rs;
                        for (int p = 0; p < kc; p++)
                            d[p * mr] = src[(nint)p * cs];
                    }
                    else
                    {
                        for (int p = 0; p < kc; p++)
                            d[p * mr] = 0f;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Packs B[kc×nc] (strided) into panels of <see cref="PanelWidth"/> columns, p-major: the panel starting at
    /// column j0 sits at dst + j0·kc as [p·panel + j].
    /// Columns past nc are zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackB(float* b, int rs, int cs, int kc, int nc, int nr, bool wide, float* dst)
    {
        for (int j0 = 0, panel; j0 < nc; j0 += panel)
        {
            panel = PanelWidth(wide, nc - j0, nr);
            int width = Math.Min(panel, nc - j0);
            float* d0 = dst + (nint)j0 * kc;
            // Zero the padding columns (a loop: a Span.Clear per row cost more than the few floats it clears).
            for (int p = 0; p < kc && width < panel; p++)
                for (int q = width; q < panel; q++)
                    d0[p * panel + q] = 0f;
            if (cs == 1)
            {
                // Rows of B are contiguous (B = W or X): copy runs.
                for (int p = 0; p < kc; p++)
                    new ReadOnlySpan<float>(b + (nint)p * rs + j0, width).CopyTo(new Span<float>(d0 + p * panel, width));
                continue;
            }
            // B is a transposed row-major matrix (B = Wᵀ in the forward): columns of B are contiguous. Transpose
            // 8×8 blocks in registers; a scalar gather here cost ~0.5 ns per weight, more than the whole product
            // at small batch.
            int j = 0;
            if (rs == 1 && Avx.IsSupported)
            {
                for (; j + 8 <= width; j += 8)
                {
                    float* src = b + (nint)(j0 + j) * cs;
                    int p = 0;
                    for (; p + 8 <= kc; p += 8)
                        Transpose8x8(src + p, cs, d0 + p * panel + j, panel);
                    for (; p < kc; p++)
                        for (int q = 0; q < 8; q++)
                            d0[p * panel + j + q] = src[(nint)q * cs + p];
                }
            }
            for (; j < width; j++)
            {
                float* src = b + (nint)(j0 + j) * cs;
                for (int p = 0; p < kc; p++)
                    d0[p * panel + j] = src[(nint)p * rs];
            }
        }
    }

    /// <summary>
    /// dst[r·dstStride + q] = src[q·srcStride + r] for an 8×8 block: eight row loads, the classic
    /// unpack / shuffle / 128-bit-lane permute network, eight row stores.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* src, nint srcStride, float* dst, nint dstStride)
    {
        var r0 = Avx.LoadVector256(src);
        var r1 = Avx.LoadVector256(src + srcStride);
        var r2 = Avx.LoadVector256(src + 2 * srcStride);
        var r3 = Avx.LoadVector256(src + 3 * srcStride);
        var r4 = Avx.LoadVector256(src + 4 * srcStride);
        var r5 = Avx.LoadVector256(src + 5 * srcStride);
        var r6 = Avx.LoadVector256(src + 6 * srcStride);
        var r7 = Avx.LoadVector256(src + 7 * srcStride);
        // Interleave pairs of rows: t0 = (r0₀ r1₀ r0₁ r1₁ | r0₄ r1₄ r0₅ r1₅), ...
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        // Gather four rows per column within each 128-bit lane.
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        // Join the lanes: low lanes give columns 0–3, high lanes columns 4–7.
        Avx.Store(dst, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(dst + dstStride, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(dst + 2 * dstStride, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(dst + 3 * dstStride, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(dst + 4 * dstStride, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(dst + 5 * dstStride, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(dst + 6 * dstStride, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(dst + 7 * dstStride, Avx.Permute2x128(u3, u7, 0x31));
    }

    /// <summary>
    /// C[8×32] += A[8×kc]·Bpanel[kc×32] with A(i, p) = a[p·aStep + i]; 16 zmm accumulators. Per p: two loads of B,
    /// eight broadcasts of A, sixteen FMAs — enough independent chains to cover the FMA latency.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel8x32(int kc, float* a, nint rowStride, nint pStep, float* b, nint bStride, float* c, int ldc, float* init, nint initStride)
    {
        float* a0 = a, a1 = a + 1 * rowStride, a2 = a + 2 * rowStride, a3 = a + 3 * rowStride, a4 = a + 4 * rowStride, a5 = a + 5 * rowStride, a6 = a + 6 * rowStride, a7 = a + 7 * rowStride;
        nint off = 0;
        float* c0 = c;
        var x00 = Vector512.Load(init); var x01 = Vector512.Load(init + 16);
        var x10 = Vector512.Load(init + 1 * initStride); var x11 = Vector512.Load(init + 1 * initStride + 16);
        var x20 = Vector512.Load(init + 2 * initStride); var x21 = Vector512.Load(init + 2 * initStride + 16);
        var x30 = Vector512.Load(init + 3 * initStride); var x31 = Vector512.Load(init + 3 * initStride + 16);
        var x40 = Vector512.Load(init + 4 * initStride); var x41 = Vector512.Load(init + 4 * initStride + 16);
        var x50 = Vector512.Load(init + 5 * initStride); var x51 = Vector512.Load(init + 5 * initStride + 16);
        var x60 = Vector512.Load(init + 6 * initStride); var x61 = Vector512.Load(init + 6 * initStride + 16);
        var x70 = Vector512.Load(init + 7 * initStride); var x71 = Vector512.Load(init + 7 * initStride + 16);
        // Only a0..a7, off, pStep, b and bStride are live in the loop (c pointers are recomputed after it).
        float* bEnd = b + kc * bStride;
        while (b < bEnd)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            Vector512<float> s;
            s = Vector512.Create(a0[off]); x00 = Vector512.FusedMultiplyAdd(s, b0, x00); x01 = Vector512.FusedMultiplyAdd(s, b1, x01);
            s = Vector512.Create(a1[off]); x10 = Vector512.FusedMultiplyAdd(s, b0, x10); x11 = Vector512.FusedMultiplyAdd(s, b1, x11);
            s = Vector512.Create(a2[off]); x20 = Vector512.FusedMultiplyAdd(s, b0, x20); x21 = Vector512.FusedMultiplyAdd(s, b1, x21);
            s = Vector512.Create(a3[off]); x30 = Vector512.FusedMultiplyAdd(s, b0, x30); x31 = Vector512.FusedMultiplyAdd(s, b1, x31);
            s = Vector512.Create(a4[off]); x40 = Vector512.FusedMultiplyAdd(s, b0, x40); x41 = Vector512.FusedMultiplyAdd(s, b1, x41);
            s = Vector512.Create(a5[off]); x50 = Vector512.FusedMultiplyAdd(s, b0, x50); x51 = Vector512.FusedMultiplyAdd(s, b1, x51);
            s = Vector512.Create(a6[off]); x60 = Vector512.FusedMultiplyAdd(s, b0, x60); x61 = Vector512.FusedMultiplyAdd(s, b1, x61);
            s = Vector512.Create(a7[off]); x70 = Vector512.FusedMultiplyAdd(s, b0, x70); x71 = Vector512.FusedMultiplyAdd(s, b1, x71);
            off += pStep;
            b += bStride;
        }
        float* c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc, c6 = c5 + ldc, c7 = c6 + ldc;
        x00.Store(c0); x01.Store(c0 + 16);
        x10.Store(c1); x11.Store(c1 + 16);
        x20.Store(c2); x21.Store(c2 + 16);
        x30.Store(c3); x31.Store(c3 + 16);
        x40.Store(c4); x41.Store(c4 + 16);
        x50.Store(c5); x51.Store(c5 + 16);
        x60.Store(c6); x61.Store(c6 + 16);
        x70.Store(c7); x71.Store(c7 + 16);
    }

    /// <summary>C[8×16] += A[8×kc]·Bpanel[kc×16]; for narrow panels (e.g. a 6-wide output layer).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel8x16(int kc, float* a, nint rowStride, nint pStep, float* b, nint bStride, float* c, int ldc, float* init, nint initStride)
    {
        float* a0 = a, a1 = a + 1 * rowStride, a2 = a + 2 * rowStride, a3 = a + 3 * rowStride, a4 = a + 4 * rowStride, a5 = a + 5 * rowStride, a6 = a + 6 * rowStride, a7 = a + 7 * rowStride;
        nint off = 0;
        float* c0 = c;
        var x0 = Vector512.Load(init); var x1 = Vector512.Load(init + 1 * initStride); var x2 = Vector512.Load(init + 2 * initStride); var x3 = Vector512.Load(init + 3 * initStride);
        var x4 = Vector512.Load(init + 4 * initStride); var x5 = Vector512.Load(init + 5 * initStride); var x6 = Vector512.Load(init + 6 * initStride); var x7 = Vector512.Load(init + 7 * initStride);
        // Only a0..a7, off, pStep, b and bStride are live in the loop (c pointers are recomputed after it).
        float* bEnd = b + kc * bStride;
        while (b < bEnd)
        {
            var b0 = Vector512.Load(b);
            x0 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[off]), b0, x0);
            x1 = Vector512.FusedMultiplyAdd(Vector512.Create(a1[off]), b0, x1);
            x2 = Vector512.FusedMultiplyAdd(Vector512.Create(a2[off]), b0, x2);
            x3 = Vector512.FusedMultiplyAdd(Vector512.Create(a3[off]), b0, x3);
            x4 = Vector512.FusedMultiplyAdd(Vector512.Create(a4[off]), b0, x4);
            x5 = Vector512.FusedMultiplyAdd(Vector512.Create(a5[off]), b0, x5);
            x6 = Vector512.FusedMultiplyAdd(Vector512.Create(a6[off]), b0, x6);
            x7 = Vector512.FusedMultiplyAdd(Vector512.Create(a7[off]), b0, x7);
            off += pStep;
            b += bStride;
        }
        float* c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc, c6 = c5 + ldc, c7 = c6 + ldc;
        x0.Store(c0); x1.Store(c1); x2.Store(c2); x3.Store(c3);
        x4.Store(c4); x5.Store(c5); x6.Store(c6); x7.Store(c7);
    }

    /// <summary>C[8×8] += A[8×kc]·Bpanel[kc×8] with 256-bit vectors; for panels of at most 8 columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel8x8(int kc, float* a, nint rowStride, nint pStep, float* b, nint bStride, float* c, int ldc, float* init, nint initStride,
        int width = 8)
    {
        float* a0 = a, a1 = a + 1 * rowStride, a2 = a + 2 * rowStride, a3 = a + 3 * rowStride, a4 = a + 4 * rowStride, a5 = a + 5 * rowStride, a6 = a + 6 * rowStride, a7 = a + 7 * rowStride;
        nint off = 0;
        float* c0 = c;
        Vector256<float> x0, x1, x2, x3, x4, x5, x6, x7;
        // width < 8 (AVX-512 only, see EdgeTile): C rows hold only `width` columns, so C is read and written
        // through a lane mask; a broadcast init row (initStride = 0) is padded and read whole.
        var mask = Vector256.LessThan(Vector256.Create(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f), Vector256.Create((float)width));
        if (width < 8 && initStride != 0)
        {
            x0 = Avx512F.VL.MaskLoad(init, mask, Vector256<float>.Zero); x1 = Avx512F.VL.MaskLoad(init + 1 * initStride, mask, Vector256<float>.Zero);
            x2 = Avx512F.VL.MaskLoad(init + 2 * initStride, mask, Vector256<float>.Zero); x3 = Avx512F.VL.MaskLoad(init + 3 * initStride, mask, Vector256<float>.Zero);
            x4 = Avx512F.VL.MaskLoad(init + 4 * initStride, mask, Vector256<float>.Zero); x5 = Avx512F.VL.MaskLoad(init + 5 * initStride, mask, Vector256<float>.Zero);
            x6 = Avx512F.VL.MaskLoad(init + 6 * initStride, mask, Vector256<float>.Zero); x7 = Avx512F.VL.MaskLoad(init + 7 * initStride, mask, Vector256<float>.Zero);
        }
        else
        {
            x0 = Vector256.Load(init); x1 = Vector256.Load(init + 1 * initStride); x2 = Vector256.Load(init + 2 * initStride); x3 = Vector256.Load(init + 3 * initStride);
            x4 = Vector256.Load(init + 4 * initStride); x5 = Vector256.Load(init + 5 * initStride); x6 = Vector256.Load(init + 6 * initStride); x7 = Vector256.Load(init + 7 * initStride);
        }
        // Only a0..a7, off, pStep, b and bStride are live in the loop (c pointers are recomputed after it).
        float* bEnd = b + kc * bStride;
        while (b < bEnd)
        {
            var b0 = Vector256.Load(b);
            x0 = Vector256.FusedMultiplyAdd(Vector256.Create(a0[off]), b0, x0);
            x1 = Vector256.FusedMultiplyAdd(Vector256.Create(a1[off]), b0, x1);
            x2 = Vector256.FusedMultiplyAdd(Vector256.Create(a2[off]), b0, x2);
            x3 = Vector256.FusedMultiplyAdd(Vector256.Create(a3[off]), b0, x3);
            x4 = Vector256.FusedMultiplyAdd(Vector256.Create(a4[off]), b0, x4);
            x5 = Vector256.FusedMultiplyAdd(Vector256.Create(a5[off]), b0, x5);
            x6 = Vector256.FusedMultiplyAdd(Vector256.Create(a6[off]), b0, x6);
            x7 = Vector256.FusedMultiplyAdd(Vector256.Create(a7[off]), b0, x7);
            off += pStep;
            b += bStride;
        }
        float* c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc, c6 = c5 + ldc, c7 = c6 + ldc;
        if (width < 8)
        {
            Avx512F.VL.MaskStore(c0, mask, x0); Avx512F.VL.MaskStore(c1, mask, x1); Avx512F.VL.MaskStore(c2, mask, x2); Avx512F.VL.MaskStore(c3, mask, x3);
            Avx512F.VL.MaskStore(c4, mask, x4); Avx512F.VL.MaskStore(c5, mask, x5); Avx512F.VL.MaskStore(c6, mask, x6); Avx512F.VL.MaskStore(c7, mask, x7);
            return;
        }
        x0.Store(c0); x1.Store(c1); x2.Store(c2); x3.Store(c3);
        x4.Store(c4); x5.Store(c5); x6.Store(c6); x7.Store(c7);
    }

    /// <summary>
    /// One column j of C over <paramref name="rows"/> rows, with the rows in the vector lanes:
    /// C(i, j) = init(i) + Σ_p A(i, p)·B(p, j), for A(i, p) = a[i + p·pStep] (A transposed, as in the weight
    /// gradient dZᵀ·X). For the last few columns of a narrow B (the 17th input of a layer, or all 3 inputs of
    /// pendulum's) this is one FMA lane per output instead of an 8×8 tile whose lanes are mostly padding. Four
    /// row vectors run side by side so that four FMA chains overlap; each element still gets the same
    /// multiply-adds in the same order (p = 0, 1, …) as in the tile kernels, so the same numbers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ColumnBlock(int kc, float* a, nint pStep, float* b, nint bStride, float* c, int ldc, float* init, nint initStride, int rows)
    {
        const int W = 8;
        float* lanes = stackalloc float[4 * W];
        int r0 = 0;
        for (; r0 + 4 * W <= rows; r0 += 4 * W)
        {
            for (int i = 0; i < 4 * W; i++)
                lanes[i] = init[(r0 + i) * initStride];
            var s0 = Vector256.Load(lanes);
            var s1 = Vector256.Load(lanes + W);
            var s2 = Vector256.Load(lanes + 2 * W);
            var s3 = Vector256.Load(lanes + 3 * W);
            float* ap = a + r0;
            for (int p = 0; p < kc; p++, ap += pStep)
            {
                var bj = Vector256.Create(b[p * bStride]);
                s0 = Vector256.FusedMultiplyAdd(Vector256.Load(ap), bj, s0);
                s1 = Vector256.FusedMultiplyAdd(Vector256.Load(ap + W), bj, s1);
                s2 = Vector256.FusedMultiplyAdd(Vector256.Load(ap + 2 * W), bj, s2);
                s3 = Vector256.FusedMultiplyAdd(Vector256.Load(ap + 3 * W), bj, s3);
            }
            s0.Store(lanes);
            s1.Store(lanes + W);
            s2.Store(lanes + 2 * W);
            s3.Store(lanes + 3 * W);
            for (int i = 0; i < 4 * W; i++)
                c[(nint)(r0 + i) * ldc] = lanes[i];
        }
        for (; r0 + W <= rows; r0 += W)
        {
            for (int i = 0; i < W; i++)
                lanes[i] = init[(r0 + i) * initStride];
            var s0 = Vector256.Load(lanes);
            float* ap = a + r0;
            for (int p = 0; p < kc; p++, ap += pStep)
                s0 = Vector256.FusedMultiplyAdd(Vector256.Load(ap), Vector256.Create(b[p * bStride]), s0);
            s0.Store(lanes);
            for (int i = 0; i < W; i++)
                c[(nint)(r0 + i) * ldc] = lanes[i];
        }
        // Fewer than 8 rows left: scalar fused multiply-adds (the same rounding as a vector FMA lane).
        for (; r0 < rows; r0++)
        {
            float sum = init[r0 * initStride];
            float* ap = a + r0;
            for (int p = 0; p < kc; p++, ap += pStep)
                sum = MathF.FusedMultiplyAdd(*ap, b[p * bStride], sum);
            c[(nint)r0 * ldc] = sum;
        }
    }

    /// <summary>C[6×16] += A[6×kc]·Bpanel[kc×16]; 12 ymm accumulators (AVX2 path).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel6x16(int kc, float* a, nint rowStride, nint pStep, float* b, nint bStride, float* c, int ldc, float* init, nint initStride)
    {
        float* a0 = a, a1 = a + 1 * rowStride, a2 = a + 2 * rowStride, a3 = a + 3 * rowStride, a4 = a + 4 * rowStride, a5 = a + 5 * rowStride;
        nint off = 0;
        float* c0 = c;
        var x00 = Vector256.Load(init); var x01 = Vector256.Load(init + 8);
        var x10 = Vector256.Load(init + 1 * initStride); var x11 = Vector256.Load(init + 1 * initStride + 8);
        var x20 = Vector256.Load(init + 2 * initStride); var x21 = Vector256.Load(init + 2 * initStride + 8);
        var x30 = Vector256.Load(init + 3 * initStride); var x31 = Vector256.Load(init + 3 * initStride + 8);
        var x40 = Vector256.Load(init + 4 * initStride); var x41 = Vector256.Load(init + 4 * initStride + 8);
        var x50 = Vector256.Load(init + 5 * initStride); var x51 = Vector256.Load(init + 5 * initStride + 8);
        // Only a0..a5, off, pStep, b and bStride are live in the loop (c pointers are recomputed after it).
        float* bEnd = b + kc * bStride;
        while (b < bEnd)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            Vector256<float> s;
            s = Vector256.Create(a0[off]); x00 = Vector256.FusedMultiplyAdd(s, b0, x00); x01 = Vector256.FusedMultiplyAdd(s, b1, x01);
            s = Vector256.Create(a1[off]); x10 = Vector256.FusedMultiplyAdd(s, b0, x10); x11 = Vector256.FusedMultiplyAdd(s, b1, x11);
            s = Vector256.Create(a2[off]); x20 = Vector256.FusedMultiplyAdd(s, b0, x20); x21 = Vector256.FusedMultiplyAdd(s, b1, x21);
            s = Vector256.Create(a3[off]); x30 = Vector256.FusedMultiplyAdd(s, b0, x30); x31 = Vector256.FusedMultiplyAdd(s, b1, x31);
            s = Vector256.Create(a4[off]); x40 = Vector256.FusedMultiplyAdd(s, b0, x40); x41 = Vector256.FusedMultiplyAdd(s, b1, x41);
            s = Vector256.Create(a5[off]); x50 = Vector256.FusedMultiplyAdd(s, b0, x50); x51 = Vector256.FusedMultiplyAdd(s, b1, x51);
            off += pStep;
            b += bStride;
        }
        float* c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc;
        x00.Store(c0); x01.Store(c0 + 8);
        x10.Store(c1); x11.Store(c1 + 8);
        x20.Store(c2); x21.Store(c2 + 8);
        x30.Store(c3); x31.Store(c3 + 8);
        x40.Store(c4); x41.Store(c4 + 8);
        x50.Store(c5); x51.Store(c5 + 8);
    }
}
