using System.Globalization;
using HpProxy.Core.Common;
using HpProxy.Core.Proxies.Transport;
using HpProxy.Core.Tests.Fixtures;

namespace HpProxy.Core.Tests.Proxies;

public class TransportTests
{
    public static TheoryData<int> OtCases() => [0, 1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(OtCases))]
    public void ExactMatchesPot(int index)
    {
        var c = ReferenceValues.Root.GetProperty("optimal_transport")[index];
        var (x, d) = ReferenceValues.Points(c.GetProperty("X"));
        var (y, _) = ReferenceValues.Points(c.GetProperty("Y"));
        Assert.Equal(c.GetProperty("exact_w1").GetDouble(), ExactTransport.Solve(x, y, d), 6);
    }

    [Theory]
    [MemberData(nameof(OtCases))]
    public void SinkhornMatchesPot(int index)
    {
        var c = ReferenceValues.Root.GetProperty("optimal_transport")[index];
        if (!c.TryGetProperty("sinkhorn_transport_cost_by_epsilon", out var byEps)) return;
        var (x, d) = ReferenceValues.Points(c.GetProperty("X"));
        var (y, _) = ReferenceValues.Points(c.GetProperty("Y"));
        foreach (var p in byEps.EnumerateObject())
        {
            double eps = double.Parse(p.Name, CultureInfo.InvariantCulture);
            var r = Sinkhorn.Solve(x, y, d, GroundCost.Euclidean, eps, maxIterations: 100_000);
            Assert.True(r.Converged, $"ε={eps}: not converged after {r.Iterations}");
            Assert.Equal(p.Value.GetDouble(), r.TransportCost, 1e-5);
            // Entropy is non-negative for a plan with entries ≤ 1 summing to 1, so the objective sits below <P,C> + ε.
            Assert.True(r.EntropicObjective < r.TransportCost);
        }
    }

    [Fact]
    public void SinkhornApproachesExactAsEpsilonShrinks()
    {
        var (x, y) = Clouds(new Rng(3), 40, 30, 3, shift: 0.5f);
        double exact = ExactTransport.Solve(x, y, 3);
        double previousGap = double.PositiveInfinity;
        foreach (double eps in new[] { 0.5, 0.1, 0.02 })
        {
            var r = Sinkhorn.Solve(x, y, 3, GroundCost.Euclidean, eps, 20_000);
            double gap = r.TransportCost - exact;
            Assert.True(gap > -1e-4, $"entropic plan cannot beat the exact optimum (gap {gap})");
            Assert.True(gap < previousGap, $"gap should shrink with ε: {gap} ≥ {previousGap}");
            previousGap = gap;
        }
        Assert.True(previousGap < 0.02 * exact, $"ε=0.02 gap {previousGap} vs exact {exact}");
    }

    [Fact]
    public void IdenticalSetsCostZero()
    {
        var (x, _) = Clouds(new Rng(5), 25, 1, 4, 0);
        Assert.Equal(0.0, ExactTransport.Solve(x, x, 4));
        var r = Sinkhorn.Solve(x, x, 4, GroundCost.Euclidean, 0.01, 5000);
        Assert.True(r.TransportCost < 0.02, $"Sinkhorn identical-set cost {r.TransportCost}");
    }

    [Fact]
    public void ShiftedSetCostsTheShiftNorm()
    {
        // W1 with Euclidean cost between a set and its translate by v is ‖v‖ (the identity coupling is optimal,
        // and ‖v‖ is a lower bound: ‖E[y − x]‖ ≤ E‖y − x‖).
        var rng = new Rng(11);
        var (x, _) = Clouds(rng, 30, 1, 2, 0);
        var y = (float[])x.Clone();
        for (int i = 0; i < 30; i++)
        {
            y[2 * i] += 3;
            y[2 * i + 1] += 4;
        }
        Assert.Equal(5.0, ExactTransport.Solve(x, y, 2), 5);
        var r = Sinkhorn.Solve(x, y, 2, GroundCost.Euclidean, 0.05, 5000);
        Assert.Equal(5.0, r.TransportCost, 1);
        Assert.True(r.TransportCost >= 5.0 - 1e-3);
    }

    [Fact]
    public void UnequalSizesUseFractionalMass()
    {
        // One point against two: each half of the mass moves to one of them.
        float[] x = [0, 0];
        float[] y = [1, 0, 0, 3];
        Assert.Equal(2.0, ExactTransport.Solve(x, y, 2), 12);
        // Two coincident points against one at distance 1 → W1 = 1; 3 vs 2 points exercises gcd 1.
        Assert.Equal(1.0, ExactTransport.Solve([0f, 0f], [1f, 1f], 1), 12);
        float[] a = [0, 1, 2];
        float[] b = [0, 2];
        // Mass 1/3 each vs 1/2 each on a line: W1 = ∫|F_a − F_b| = 1/3·… computed by hand = 1/3.
        Assert.Equal(1.0 / 3.0, ExactTransport.Solve(a, b, 1), 12);
    }

    [Fact]
    public void ExactMatchesOneDimensionalClosedForm()
    {
        // In 1-D, W1 = ∫|F_X(t) − F_Y(t)| dt; check the solver on random unequal sets.
        var rng = new Rng(21);
        for (int trial = 0; trial < 5; trial++)
        {
            int n = 5 + rng.NextInt(20), m = 5 + rng.NextInt(20);
            var x = Enumerable.Range(0, n).Select(_ => (float)rng.NextGaussian()).ToArray();
            var y = Enumerable.Range(0, m).Select(_ => (float)(rng.NextGaussian() + 0.7)).ToArray();
            Assert.Equal(OneDimensionalW1(x, y), ExactTransport.Solve(x, y, 1), 9);
        }
    }

    [Fact]
    public void SinkhornAndExactRankAgentSetsAlike()
    {
        var rng = new Rng(8);
        var (expert, _) = Clouds(rng, 60, 1, 3, 0);
        var exact = new double[5];
        var entropic = new double[5];
        for (int k = 0; k < 5; k++)
        {
            var (agent, _) = Clouds(rng, 50, 1, 3, 0.4f * k);
            exact[k] = ExactTransport.Solve(agent, expert, 3);
            entropic[k] = Sinkhorn.Solve(agent, expert, 3, GroundCost.Euclidean, 0.1, 1000).TransportCost;
        }
        Assert.Equal(1.0, HpProxy.Core.Analysis.RankCorrelation.Spearman(exact, entropic), 12);
    }

    [Fact]
    public void EpsilonScalingReachesTheSameSolution()
    {
        var (x, y) = Clouds(new Rng(12), 60, 50, 3, 0.7f);
        var c = CostMatrix.Compute(x, y, 3, GroundCost.Euclidean);
        var plain = Sinkhorn.Solve(c, 60, 50, 0.05, 20_000);
        var scaled = Sinkhorn.Solve(c, 60, 50, 0.05, 20_000, Sinkhorn.DefaultTolerance, 0.5);
        Assert.True(plain.Converged && scaled.Converged);
        Assert.Equal(plain.TransportCost, scaled.TransportCost, 1e-4);
        Assert.Equal(plain.EntropicObjective, scaled.EntropicObjective, 1e-4);
    }

    [Fact]
    public void FarApartCloudsDoNotUnderflow()
    {
        // Costs ≈ 1000 with ε = 0.01: exp(−C/ε) underflows everywhere at the start; the stabilised fallback
        // must still find the plan (W1 of a shift by (1000, 0) is 1000).
        var (x, _) = Clouds(new Rng(13), 20, 1, 2, 0);
        var y = x.Select((v, i) => i % 2 == 0 ? v + 1000 : v).ToArray();
        var r = Sinkhorn.Solve(x, y, 2, GroundCost.Euclidean, 0.01, 2000);
        Assert.True(double.IsFinite(r.TransportCost));
        Assert.Equal(1000.0, r.TransportCost, 0.5);
    }

    [Fact]
    public void SquaredEuclideanCostOfShiftIsSquaredNorm()
    {
        var (x, _) = Clouds(new Rng(2), 10, 1, 2, 0);
        var y = x.Select((v, i) => i % 2 == 0 ? v + 3 : v + 4).ToArray();
        Assert.Equal(25.0, ExactTransport.Solve(x, y, 2, GroundCost.SquaredEuclidean), 4);
    }

    [Fact]
    public void CostMatrixFloatMatchesDouble()
    {
        var (x, y) = Clouds(new Rng(4), 7, 9, 5, 1);
        var f = CostMatrix.Compute(x, y, 5, GroundCost.Euclidean);
        var g = CostMatrix.ComputeDouble(x, y, 5, GroundCost.Euclidean);
        for (int k = 0; k < f.Length; k++) Assert.Equal(g[k], f[k], 4);
    }

    [Fact]
    public void RejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sinkhorn.Solve([0f], [1f], 1, GroundCost.Euclidean, 0, 10));
        Assert.Throws<ArgumentException>(() => ExactTransport.Solve([0f, 1f, 2f], [1f, 2f], 2));
    }

    internal static (float[] X, float[] Y) Clouds(Rng rng, int n, int m, int d, float shift)
    {
        var x = new float[n * d];
        var y = new float[m * d];
        for (int i = 0; i < x.Length; i++) x[i] = (float)rng.NextGaussian() + shift;
        for (int i = 0; i < y.Length; i++) y[i] = (float)rng.NextGaussian();
        return (x, y);
    }

    private static double OneDimensionalW1(float[] x, float[] y)
    {
        var points = x.Concat(y).Select(v => (double)v).Distinct().Order().ToArray();
        double total = 0;
        for (int k = 0; k + 1 < points.Length; k++)
        {
            double fx = x.Count(v => v <= points[k]) / (double)x.Length;
            double fy = y.Count(v => v <= points[k]) / (double)y.Length;
            total += Math.Abs(fx - fy) * (points[k + 1] - points[k]);
        }
        return total;
    }
}
