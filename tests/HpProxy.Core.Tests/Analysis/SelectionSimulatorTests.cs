using HpProxy.Core.Analysis;
using HpProxy.Core.Common;

namespace HpProxy.Core.Tests.Analysis;

public class SelectionSimulatorTests
{
    private static readonly double[] Oracle = [0.1, 0.9, 0.4, 0.7, 0.2, 0.6, 0.3, 0.8, 0.5, 0.0];

    [Fact]
    public void PerfectProxyMatchesTheOraclePickInEveryDraw()
    {
        var subsets = SelectionSimulator.DrawSubsets(Oracle.Length, 3, 500, new Rng(1));
        var d = SelectionSimulator.Simulate(Oracle.Select(v => 2 * v + 1).ToArray(), Oracle, subsets);
        Assert.Equal(d.OraclePick, d.ProxyPick);
        Assert.All(d.Regret(), r => Assert.Equal(0, r));
    }

    [Fact]
    public void AntiCorrelatedProxyPicksTheWorstOfEachDraw()
    {
        var subsets = SelectionSimulator.DrawSubsets(Oracle.Length, 4, 300, new Rng(2));
        var d = SelectionSimulator.Simulate(Oracle.Select(v => -v).ToArray(), Oracle, subsets);
        for (int b = 0; b < subsets.Length; b++) Assert.Equal(subsets[b].Min(i => Oracle[i]), d.ProxyPick[b]);
    }

    [Fact]
    public void FullBudgetGivesDeterministicPicks()
    {
        var subsets = SelectionSimulator.DrawSubsets(Oracle.Length, 50, 100, new Rng(3)); // K capped at N = 10
        Assert.All(subsets, s => Assert.Equal(10, s.Distinct().Count()));
        var proxy = new[] { 5.0, 1, 1, 2, 9, 0, 0, 3, 9, 1 }; // tie at 9 between configs 4 and 8: lower index wins
        var d = SelectionSimulator.Simulate(proxy, Oracle, subsets);
        Assert.All(d.ProxyPick, v => Assert.Equal(0.2, v));
        Assert.All(d.OraclePick, v => Assert.Equal(0.9, v));
        Assert.All(d.RandomPick, v => Assert.Equal(Oracle.Average(), v, 12));
    }

    [Fact]
    public void BudgetOneIsARandomPick()
    {
        var subsets = SelectionSimulator.DrawSubsets(Oracle.Length, 1, 200, new Rng(4));
        var d = SelectionSimulator.Simulate(Oracle.Select(v => -v).ToArray(), Oracle, subsets);
        Assert.Equal(d.OraclePick, d.ProxyPick);
        Assert.Equal(d.RandomPick, d.ProxyPick);
    }

    [Fact]
    public void PerfectProxyMeanMatchesTheExpectedMaximumOfKDraws()
    {
        // E[max of a uniform K-subset] = Σ_r v_(r) · C(r−1, K−1) / C(N, K), values sorted ascending (rank r = 1..N).
        int k = 4;
        var sorted = Oracle.Order().ToArray();
        double expected = 0;
        for (int r = k; r <= sorted.Length; r++) expected += sorted[r - 1] * Choose(r - 1, k - 1) / Choose(sorted.Length, k);
        var subsets = SelectionSimulator.DrawSubsets(Oracle.Length, k, 20_000, new Rng(5));
        var d = SelectionSimulator.Simulate(Oracle, Oracle, subsets);
        Assert.Equal(expected, d.ProxyPick.Average(), 0.01);
        Assert.Equal(Oracle.Average(), d.RandomPick.Average(), 0.01);
    }

    [Fact]
    public void NaNProxyValuesNeverWinAgainstNumbers()
    {
        double[] proxy = [double.NaN, 0.1, double.NaN];
        Assert.Equal(1, SelectionSimulator.PickBest(proxy, [0, 1, 2]));
        Assert.Equal(0, SelectionSimulator.PickBest([double.NaN, double.NaN], [1, 0]));
        Assert.Equal(1, SelectionSimulator.PickBest([1.0, 3, 3], [2, 1, 0]));
    }

    [Fact]
    public void DrawsAreUniformAndDistinct()
    {
        var subsets = SelectionSimulator.DrawSubsets(10, 3, 30_000, new Rng(6));
        var counts = new int[10];
        foreach (var s in subsets)
        {
            Assert.Equal(3, s.Distinct().Count());
            foreach (int i in s) counts[i]++;
        }
        // Each index appears with probability 3/10 per draw: 9000 ± ~4σ (σ ≈ 79).
        Assert.All(counts, c => Assert.InRange(c, 8650, 9350));
    }

    [Fact]
    public void CappedBudgetsDropDuplicates() =>
        Assert.Equal([1, 2, 5, 7], SelectionSimulator.CappedBudgets([1, 2, 5, 10, 25, 50, int.MaxValue], 7));

    private static double Choose(int n, int k)
    {
        double r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }
}
