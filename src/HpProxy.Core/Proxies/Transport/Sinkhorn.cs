using System.Buffers;
using System.Numerics.Tensors;

namespace HpProxy.Core.Proxies.Transport;

/// <summary>Outcome of a Sinkhorn solve.</summary>
/// <param name="TransportCost">⟨P, C⟩ for the entropic plan P (what the proxies report).</param>
/// <param name="EntropicObjective">⟨P, C⟩ − ε·H(P) with H(P) = −Σ P (log P − 1) (POT's convention).</param>
/// <param name="Iterations">Iterations run (one iteration = one update of each potential).</param>
/// <param name="MarginalError">‖P1ᵀ − b‖₁ of the column marginal before the last update (rows are exact).</param>
/// <param name="Converged">Whether <see cref="MarginalError"/> fell below the tolerance.</param>
public readonly record struct SinkhornResult(
    double TransportCost,
    double EntropicObjective,
    int Iterations,
    double MarginalError,
    bool Converged);

/// <summary>
/// Entropic optimal transport between two uniform discrete measures (Cuturi 2013), iterated in the log domain
/// on the dual potentials so that small ε neither overflows nor underflows (Peyré &amp; Cuturi 2019, §4.4;
/// the same iteration as POT's <c>ot.bregman.sinkhorn_log</c>):
///   v_j ← log b_j − LSE_i(−C_ij/ε + u_i),   u_i ← log a_i − LSE_j(−C_ij/ε + v_j),
///   P_ij = exp(−C_ij/ε + u_i + v_j),
/// with a_i = 1/n, b_j = 1/m. The regulariser ε is <b>absolute</b>, in the units of the cost, as POT's
/// <c>reg</c>: it minimises ⟨P, C⟩ − ε·H(P). Callers that want a scale-free ε multiply by a cost statistic
/// first (see <see cref="MeanCost"/>).
/// Numerics: the scaled cost −C/ε and its transpose are held in single precision so both half-iterations
/// stream contiguous rows through <see cref="TensorPrimitives"/> (SIMD max / exp / sum); potentials and the
/// final sums are double. Each iteration costs about 2·n·m exponentials.
/// </summary>
public static class Sinkhorn
{
    /// <summary>
    /// Stopping threshold on the L1 marginal error. POT stops at 1e-9 in double precision; single-precision
    /// potentials floor the error near 1e-6 (potentials of size C/ε carry ~1e-7 relative rounding), where the
    /// transport cost already agrees with POT to ~1e-6.
    /// </summary>
    public const double DefaultTolerance = 1e-5;

    /// <summary>Solves between point clouds X [n × d] and Y [m × d] (row-major) with the given ground cost.</summary>
    public static SinkhornResult Solve(
        ReadOnlySpan<float> x, ReadOnlySpan<float> y, int dimension, GroundCost cost,
        double epsilon, int maxIterations, double tolerance = DefaultTolerance)
    {
        var c = CostMatrix.Compute(x, y, dimension, cost);
        return Solve(c, x.Length / dimension, y.Length / dimension, epsilon, maxIterations, tolerance);
    }

    /// <summary>Mean entry of a cost matrix, for a relative ε (ε_abs = ε_rel · mean cost).</summary>
    public static double MeanCost(ReadOnlySpan<float> cost)
    {
        double s = 0;
        const int Block = 4096; // sum in float blocks, accumulate blocks in double
        for (int i = 0; i < cost.Length; i += Block)
            s += TensorPrimitives.Sum(cost.Slice(i, Math.Min(Block, cost.Length - i)));
        return cost.Length == 0 ? 0 : s / cost.Length;
    }

    /// <summary>Solves for a cost matrix C [n × m], row-major, uniform weights on both sides.</summary>
    public static SinkhornResult Solve(
        ReadOnlySpan<float> cost, int n, int m, double epsilon, int maxIterations, double tolerance = DefaultTolerance)
    {
        if (n <= 0 || m <= 0) throw new ArgumentOutOfRangeException(nameof(n), "both sides need at least one point");
        if (cost.Length != n * m) throw new ArgumentException("cost matrix length must be n·m", nameof(cost));
        if (!(epsilon > 0) || double.IsInfinity(epsilon)) throw new ArgumentOutOfRangeException(nameof(epsilon), "ε must be positive and finite");
        if (maxIterations < 1) throw new ArgumentOutOfRangeException(nameof(maxIterations));

        var pool = ArrayPool<float>.Shared;
        float[] mr = pool.Rent(n * m);   // −C/ε, rows i
        float[] mrT = pool.Rent(n * m);  // −C/ε transposed, rows j
        float[] tmp = pool.Rent(Math.Max(n, m));
        try
        {
            float negInvEps = (float)(-1.0 / epsilon);
            TensorPrimitives.Multiply(cost, negInvEps, mr.AsSpan(0, n * m));
            Transpose(mr, mrT, n, m);

            var u = new float[n];
            var v = new float[m];
            float logA = (float)-Math.Log(n), logB = (float)-Math.Log(m);
            double b = 1.0 / m;
            double error = double.PositiveInfinity;
            int iteration = 0;
            bool converged = false;
            while (iteration < maxIterations)
            {
                // v-update; the column sums of the current plan come for free: Σ_i P_ij = exp(v_j + LSE_j).
                double err = 0;
                for (int j = 0; j < m; j++)
                {
                    double lse = LogSumExp(mrT.AsSpan(j * n, n), u, tmp.AsSpan(0, n));
                    if (iteration > 0) err += Math.Abs(Math.Exp(v[j] + lse) - b);
                    v[j] = (float)(logB - lse);
                }
                if (iteration > 0)
                {
                    error = err;
                    if (err < tolerance)
                    {
                        converged = true;
                        break; // v was just refreshed: columns are exact, rows were within tolerance
                    }
                }
                for (int i = 0; i < n; i++) u[i] = (float)(logA - LogSumExp(mr.AsSpan(i * m, m), v, tmp.AsSpan(0, m)));
                iteration++;
            }

            // ⟨P, C⟩ and Σ P log P in one pass over rows: log P_ij = −C_ij/ε + u_i + v_j.
            double pc = 0, plogp = 0, mass = 0;
            var logP = tmp.AsSpan(0, m);
            float[] p = pool.Rent(m);
            try
            {
                var pSpan = p.AsSpan(0, m);
                for (int i = 0; i < n; i++)
                {
                    var row = mr.AsSpan(i * m, m);
                    TensorPrimitives.Add(row, v, logP);
                    TensorPrimitives.Add(logP, u[i], logP);
                    TensorPrimitives.Exp(logP, pSpan);
                    pc += TensorPrimitives.Dot(pSpan, row);
                    plogp += TensorPrimitives.Dot(pSpan, logP);
                    mass += TensorPrimitives.Sum(pSpan);
                }
            }
            finally
            {
                pool.Return(p);
            }
            double transport = -epsilon * pc; // C = −ε·(−C/ε)
            // −ε·H(P) = ε Σ P (log P − 1)
            double objective = transport + epsilon * (plogp - mass);
            return new SinkhornResult(transport, objective, iteration, error, converged);
        }
        finally
        {
            pool.Return(mr);
            pool.Return(mrT);
            pool.Return(tmp);
        }
    }

    /// <summary>log Σ_k exp(row_k + potential_k), stabilised by the maximum.</summary>
    private static double LogSumExp(ReadOnlySpan<float> row, ReadOnlySpan<float> potential, Span<float> scratch)
    {
        TensorPrimitives.Add(row, potential, scratch);
        float max = TensorPrimitives.Max(scratch);
        if (float.IsNegativeInfinity(max)) return double.NegativeInfinity;
        TensorPrimitives.Subtract(scratch, max, scratch);
        TensorPrimitives.Exp(scratch, scratch);
        return max + Math.Log(TensorPrimitives.Sum(scratch));
    }

    private static void Transpose(float[] source, float[] destination, int n, int m)
    {
        const int Tile = 32; // cache-friendly blocked transpose
        for (int i0 = 0; i0 < n; i0 += Tile)
        {
            int i1 = Math.Min(n, i0 + Tile);
            for (int j0 = 0; j0 < m; j0 += Tile)
            {
                int j1 = Math.Min(m, j0 + Tile);
                for (int i = i0; i < i1; i++)
                    for (int j = j0; j < j1; j++)
                        destination[j * n + i] = source[i * m + j];
            }
        }
    }
}
