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
///   g_j ← ε log b_j − ε LSE_i((f_i − C_ij)/ε),   f_i ← ε log a_i − ε LSE_j((g_j − C_ij)/ε),
///   P_ij = exp((f_i + g_j − C_ij)/ε),
/// with a_i = 1/n, b_j = 1/m. The regulariser ε is <b>absolute</b>, in the units of the cost, as POT's
/// <c>reg</c>: it minimises ⟨P, C⟩ − ε·H(P). Callers that want a scale-free ε multiply by a cost statistic
/// first (see <see cref="MeanCost"/>).
/// Numerics: the cost and its transpose are held in single precision so both half-iterations stream contiguous
/// rows through fused SIMD kernels (<see cref="LogSumExpKernels"/>); potentials are single precision in cost
/// units, final sums double. Each iteration costs about 2·n·m exponentials; optional ε-scaling cuts the
/// iteration count at small ε.
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
        double epsilon, int maxIterations, double tolerance = DefaultTolerance, double epsilonScaling = 0)
    {
        var c = CostMatrix.Compute(x, y, dimension, cost);
        return Solve(c, x.Length / dimension, y.Length / dimension, epsilon, maxIterations, tolerance, epsilonScaling);
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
    /// <param name="cost">C, row-major, finite and non-negative.</param>
    /// <param name="n">Points on the first side.</param>
    /// <param name="m">Points on the second side.</param>
    /// <param name="epsilon">Absolute regulariser ε (cost units).</param>
    /// <param name="maxIterations">Cap on iterations, annealing ones included.</param>
    /// <param name="tolerance">Stop when the L1 marginal error at the target ε is below this.</param>
    /// <param name="epsilonScaling">
    /// 0 = off. Otherwise a ratio q in (0, 1): ε-scaling (Kosowsky &amp; Yuille 1994; Schmitzer 2019, §3.2; geomloss'
    /// "scaling"): one iteration at each ε_k = max(ε, max C · q^k), warm-starting the potentials, then iterations
    /// at ε until convergence. Small ε then converges in tens of iterations instead of thousands.
    /// </param>
    public static SinkhornResult Solve(
        ReadOnlySpan<float> cost, int n, int m, double epsilon, int maxIterations, double tolerance = DefaultTolerance,
        double epsilonScaling = 0)
    {
        if (n <= 0 || m <= 0) throw new ArgumentOutOfRangeException(nameof(n), "both sides need at least one point");
        if (cost.Length != n * m) throw new ArgumentException("cost matrix length must be n·m", nameof(cost));
        if (!(epsilon > 0) || double.IsInfinity(epsilon)) throw new ArgumentOutOfRangeException(nameof(epsilon), "ε must be positive and finite");
        if (maxIterations < 1) throw new ArgumentOutOfRangeException(nameof(maxIterations));
        if (!(epsilonScaling >= 0 && epsilonScaling < 1)) throw new ArgumentOutOfRangeException(nameof(epsilonScaling), "scaling ratio must be in [0, 1)");

        var pool = ArrayPool<float>.Shared;
        float[] costT = pool.Rent(n * m);
        try
        {
            var c = cost;
            var cT = costT.AsSpan(0, n * m);
            Transpose(c, cT, n, m);

            // Potentials f (rows) and g (columns) in cost units, so they carry over when ε changes; the plan is
            // P_ij = exp((f_i + g_j − C_ij)/ε).
            var f = new float[n];
            var g = new float[m];
            double logA = -Math.Log(n), logB = -Math.Log(m);
            double a = 1.0 / n, b = 1.0 / m;
            double eps = epsilonScaling > 0 ? Math.Max(epsilon, TensorPrimitives.Max(c)) : epsilon;
            double error = double.PositiveInfinity;
            int iteration = 0, atTarget = 0;
            bool converged = false;
            while (iteration < maxIterations)
            {
                float lambda = (float)(1.0 / eps);
                bool measure = atTarget > 0; // the current plan was made at the target ε
                double err = UpdatePotential(cT, g, f, m, n, eps, lambda, logB, b);
                if (measure)
                {
                    error = err;
                    if (err < tolerance)
                    {
                        converged = true;
                        break; // g was just refreshed: columns are exact, rows were within tolerance
                    }
                }
                UpdatePotential(c, f, g, n, m, eps, lambda, logA, a);
                iteration++;
                if (eps <= epsilon) atTarget++;
                else eps = Math.Max(epsilon, eps * epsilonScaling);
            }

            double pc = 0, plogp = 0, mass = 0;
            float lambdaFinal = (float)(1.0 / eps);
            for (int i = 0; i < n; i++)
            {
                var (rowCost, rowLog, rowMass) = LogSumExpKernels.PlanMoments(c.Slice(i * m, m), g, f[i], lambdaFinal);
                pc += rowCost;
                plogp += rowLog;
                mass += rowMass;
            }
            // −ε·H(P) = ε Σ P (log P − 1)
            double objective = pc + eps * (plogp - mass);
            return new SinkhornResult(pc, objective, iteration, error, converged);
        }
        finally
        {
            pool.Return(costT);
        }
    }

    /// <summary>
    /// One half-iteration: for every row r of <paramref name="rows"/> (length <paramref name="width"/>),
    /// target_r ← ε·log w − ε·LSE_k((other_k − rows_rk)/ε). The sum is first taken stabilised by the current
    /// target_r, where it equals the current plan's marginal (≤ 1 after the previous half-iteration, so it cannot
    /// overflow); only if it underflows is it recomputed stabilised by the exact maximum.
    /// Returns Σ_r |marginal_r − w| of the plan before the update.
    /// </summary>
    private static double UpdatePotential(ReadOnlySpan<float> rows, float[] target, float[] other, int count, int width,
        double eps, float lambda, double logW, double w)
    {
        double err = 0;
        for (int r = 0; r < count; r++)
        {
            var row = rows.Slice(r * width, width);
            float marginal = LogSumExpKernels.SumExp(row, other, target[r], lambda);
            err += Math.Abs(marginal - w);
            if (marginal > 1e-30f && float.IsFinite(marginal))
            {
                target[r] = (float)(target[r] + eps * (logW - Math.Log(marginal)));
            }
            else
            {
                float max = LogSumExpKernels.MaxDifference(row, other);
                float sum = LogSumExpKernels.SumExp(row, other, -max, lambda);
                target[r] = (float)(eps * logW - max - eps * Math.Log(sum));
            }
        }
        return err;
    }

    private static void Transpose(ReadOnlySpan<float> source, Span<float> destination, int n, int m)
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
