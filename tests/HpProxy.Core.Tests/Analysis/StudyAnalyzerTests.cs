using HpProxy.Core.Analysis;
using HpProxy.Core.Proxies;
using static HpProxy.Core.Tests.Analysis.AnalysisTestData;

namespace HpProxy.Core.Tests.Analysis;

public class StudyAnalyzerTests
{
    private static readonly double[] Oracle = [0.1, 0.9, 0.4, 0.7, 0.2, 0.6, 0.3, 0.8, 0.5, 0.0, 0.35, 0.65];

    private static Dictionary<string, double[]> Proxies() => new()
    {
        // Lower is better and exactly reversed: a perfect proxy once oriented.
        ["state_wasserstein"] = Oracle.Select(v => 3 - v).ToArray(),
        // Higher is better but anti-correlated: the worst proxy.
        ["reference_imitation_return"] = Oracle.Select(v => -v).ToArray(),
    };

    private static readonly Dictionary<string, ProxyDirection> Directions = new()
    {
        ["state_wasserstein"] = ProxyDirection.LowerIsBetter,
        ["reference_imitation_return"] = ProxyDirection.HigherIsBetter,
    };

    private static AnalysisSettings Fast => new() { Resamples = 200, Budget = 5, Seed = 7 };

    [Fact]
    public void OrientationMakesLowerIsBetterProxiesPositive()
    {
        var a = StudyAnalyzer.Analyze(Pool(Oracle, Proxies()), Directions, Fast);
        var good = a.Correlations.Single(c => c.Proxy == "state_wasserstein");
        var bad = a.Correlations.Single(c => c.Proxy == "reference_imitation_return");
        Assert.Equal(1.0, good.Spearman, 12);
        Assert.Equal(1.0, good.Kendall, 12);
        Assert.Equal(-1.0, bad.Spearman, 12);
        Assert.Equal(12, good.N);
        // Every resample of a perfect monotone relation is perfect too (ties are shared by both columns).
        Assert.Equal(1.0, good.SpearmanLow, 12);
        Assert.Equal(1.0, good.KendallHigh, 12);
    }

    [Fact]
    public void CorrelationsMatchRankCorrelationOfSeedMeans()
    {
        double[] proxy = [0.3, 0.1, 0.2, 0.5, 0.4, 0.8, 0.7, 0.6, 0.9, 1.0, 0.05, 0.15];
        var rows = Pool(Oracle, new() { ["action_mse"] = proxy }, seeds: 3);
        var a = StudyAnalyzer.Analyze(rows, new Dictionary<string, ProxyDirection> { ["action_mse"] = ProxyDirection.LowerIsBetter }, Fast);
        var c = Assert.Single(a.Correlations);
        var oriented = proxy.Select(v => -v).ToArray();
        Assert.Equal(RankCorrelation.Spearman(oriented, Oracle), c.Spearman, 12);
        Assert.Equal(RankCorrelation.KendallTauB(oriented, Oracle), c.Kendall, 12);
        Assert.InRange(c.Spearman, c.SpearmanLow - 1e-12, c.SpearmanHigh + 1e-12);
        Assert.True(c.SpearmanLow < c.SpearmanHigh);
    }

    [Fact]
    public void BootstrapIsDeterministicForAFixedSeed()
    {
        double[] proxy = [0.3, 0.1, 0.2, 0.5, 0.4, 0.8, 0.7, 0.6, 0.9, 1.0, 0.05, 0.15];
        var rows = Pool(Oracle, new() { ["action_mse"] = proxy });
        var d = new Dictionary<string, ProxyDirection> { ["action_mse"] = ProxyDirection.LowerIsBetter };
        var first = StudyAnalyzer.Analyze(rows, d, Fast);
        var second = StudyAnalyzer.Analyze(rows, d, Fast);
        var other = StudyAnalyzer.Analyze(rows, d, Fast with { Seed = 8 });
        Assert.Equal(first.Correlations, second.Correlations);
        Assert.Equal(first.Selections, second.Selections);
        Assert.NotEqual(first.Correlations[0].SpearmanLow, other.Correlations[0].SpearmanLow);
    }

    [Fact]
    public void SelectionReportsProxyOracleAndRandomPicks()
    {
        var a = StudyAnalyzer.Analyze(Pool(Oracle, Proxies()), Directions, Fast);
        var perfect = a.Selections.Single(s => s.Proxy == "state_wasserstein");
        var worst = a.Selections.Single(s => s.Proxy == "reference_imitation_return");
        Assert.Equal(5, perfect.K);
        Assert.Equal(12, perfect.N);
        Assert.Equal(200, perfect.Draws);
        Assert.Equal(perfect.OracleMean, perfect.ProxyMean, 12);
        Assert.Equal(0, perfect.RegretMean, 12);
        Assert.True(worst.ProxyMean < worst.RandomMean && worst.RandomMean < worst.OracleMean);
        // Common random numbers: both proxies saw the same draws.
        Assert.Equal(perfect.OracleMean, worst.OracleMean);
        Assert.Equal(perfect.RandomMean, worst.RandomMean);
    }

    [Fact]
    public void BudgetCurveCapsAtThePoolAndEndsAtTheDeterministicPick()
    {
        var a = StudyAnalyzer.Analyze(Pool(Oracle, Proxies()), Directions, Fast);
        var curve = a.BudgetCurves.Where(p => p.Proxy == "reference_imitation_return").OrderBy(p => p.K).ToList();
        Assert.Equal([1, 2, 5, 10, 12], curve.Select(p => p.K));
        var all = curve[^1];
        Assert.Equal(0.0, all.ProxyMean, 12);        // picks the worst configuration every time
        Assert.Equal(0.9, all.OracleMean, 12);
        Assert.Equal(Oracle.Average(), all.RandomMean, 12);
        Assert.Equal(curve[0].RandomMean, curve[0].ProxyMean, 12); // K = 1 is a random pick
        for (int i = 1; i < curve.Count; i++) Assert.True(curve[i].OracleMean >= curve[i - 1].OracleMean);
    }

    [Fact]
    public void SmallPoolCapsTheBudget()
    {
        var rows = Pool([0.2, 0.8, 0.5], new() { ["action_mse"] = [3.0, 1, 2] });
        var a = StudyAnalyzer.Analyze(rows, new Dictionary<string, ProxyDirection> { ["action_mse"] = ProxyDirection.LowerIsBetter }, Fast);
        var s = Assert.Single(a.Selections);
        Assert.Equal(3, s.K);
        Assert.Equal(0.8, s.ProxyMean, 12);
    }

    [Fact]
    public void EarlyStoppingComparesProxyLastAndOracleCheckpoints()
    {
        // Run r1: scores 0.2, 0.9, 0.5; proxy (higher better) peaks at checkpoint 1 → 0.9.
        // Run r2: scores 0.4, 0.3, 0.6; proxy peaks at checkpoint 0 → 0.4. Last = (0.5 + 0.6)/2, best = (0.9 + 0.6)/2.
        var rows = new List<CheckpointRow>
        {
            Checkpoint("r1", "c1", 0, 0.2, new() { ["p"] = 1 }),
            Checkpoint("r1", "c1", 1, 0.9, new() { ["p"] = 5 }),
            Checkpoint("r1", "c1", 2, 0.5, new() { ["p"] = 2 }),
            Checkpoint("r2", "c2", 0, 0.4, new() { ["p"] = 9 }),
            Checkpoint("r2", "c2", 1, 0.3, new() { ["p"] = double.NaN }),
            Checkpoint("r2", "c2", 2, 0.6, new() { ["p"] = 3 }),
            Checkpoint("r3", "c3", 0, 0.7, new() { ["p"] = double.NaN }), // no proxy at all: left out
        };
        var a = StudyAnalyzer.Analyze(rows, new Dictionary<string, ProxyDirection> { ["p"] = ProxyDirection.HigherIsBetter }, Fast);
        var e = Assert.Single(a.EarlyStopping);
        Assert.Equal(2, e.Runs);
        Assert.Equal((0.9 + 0.4) / 2, e.ProxyCheckpointMean, 12);
        Assert.Equal((0.5 + 0.6) / 2, e.LastCheckpointMean, 12);
        Assert.Equal((0.9 + 0.6) / 2, e.OracleCheckpointMean, 12);
        // Configuration scores use the last checkpoint: c1 0.5, c2 0.6, c3 0.7.
        Assert.Equal(3, a.Groups.Single().Configurations);
    }

    [Fact]
    public void AlgorithmSelectionPicksTheAlgorithmWhoseSelectedConfigHasTheBestProxy()
    {
        // BC minimises action MSE (lowest values) but its best configuration scores less than GAIL's.
        var rows = Pool([0.3, 0.5, 0.4], new() { ["action_mse"] = [0.02, 0.01, 0.03] }, algorithm: "bc");
        rows.AddRange(Pool([0.6, 0.95, 0.7], new() { ["action_mse"] = [0.2, 0.1, 0.3] }, algorithm: "gail"));
        var a = StudyAnalyzer.Analyze(rows, new Dictionary<string, ProxyDirection> { ["action_mse"] = ProxyDirection.LowerIsBetter }, Fast);
        var r = Assert.Single(a.AlgorithmSelection);
        Assert.Equal("bc", r.ChosenAlgorithm);
        Assert.Equal(0.5, r.ChosenScore, 12);
        Assert.Equal("gail", r.OracleAlgorithm);
        Assert.Equal(0.95, r.OracleScore, 12);
        Assert.Equal(2, r.Candidates.Count);
        Assert.Equal("c001", r.Candidates.Single(c => c.Algorithm == "gail").ConfigId);
    }

    [Fact]
    public void TransferAppliesTheSiblingsOracleChoice()
    {
        // Same config ids on two tasks. On "source" config 2 is best; on "target" config 2 scores 0.3 while the
        // proxy (perfect on target) picks config 0 at 0.9.
        var rows = Pool([0.1, 0.2, 0.9], new() { ["p"] = [1.0, 2, 3] }, task: "source");
        rows.AddRange(Pool([0.9, 0.5, 0.3], new() { ["p"] = [3.0, 2, 1] }, task: "target"));
        var a = StudyAnalyzer.Analyze(rows, new Dictionary<string, ProxyDirection> { ["p"] = ProxyDirection.HigherIsBetter }, Fast);
        var t = a.Transfer.Single(r => r.Task == "target");
        Assert.Equal("source", t.SourceTask);
        Assert.Equal(3, t.SharedConfigurations);
        Assert.Equal("c002", t.TransferredConfigId);
        Assert.Equal(0.3, t.TransferScore, 12);
        Assert.Equal("c000", t.InSituConfigId);
        Assert.Equal(0.9, t.InSituScore, 12);
        Assert.Equal(0.9, t.OracleScore, 12);
        Assert.Equal(2, a.Transfer.Count); // and the reverse direction
    }

    [Fact]
    public void MissingProxyValuesAreNaNAndDropped()
    {
        double[] proxy = [1, double.NaN, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        var a = StudyAnalyzer.Analyze(Pool(Oracle, new() { ["p"] = proxy }), new Dictionary<string, ProxyDirection> { ["p"] = ProxyDirection.HigherIsBetter }, Fast);
        Assert.Equal(11, a.Correlations.Single().N);
        var none = StudyAnalyzer.Analyze(Pool(Oracle, new() { ["p"] = proxy }), new Dictionary<string, ProxyDirection> { ["q"] = ProxyDirection.HigherIsBetter }, Fast);
        Assert.True(double.IsNaN(none.Correlations.Single().Spearman));
        Assert.Equal(0, none.Correlations.Single().N);
    }

    [Fact]
    public void A_proxy_without_any_value_in_a_group_selects_nothing()
    {
        // imitation_return for BC, which has no learned reward: every value is missing, so there is no pick to
        // report (a pick among all-NaN values would be an arbitrary configuration dressed up as the proxy's choice).
        var directions = new Dictionary<string, ProxyDirection> { ["p"] = ProxyDirection.HigherIsBetter, ["q"] = ProxyDirection.HigherIsBetter };
        var a = StudyAnalyzer.Analyze(Pool(Oracle, new() { ["p"] = Oracle.ToArray() }), directions, Fast);
        Assert.Equal(["p"], a.Selections.Select(s => s.Proxy).Distinct());
        Assert.DoesNotContain(a.BudgetCurves, b => b.Proxy == "q");
    }

    [Fact]
    public void WinnersCurseScoresThePickOnHeldOutSeeds()
    {
        // Seed 0 (selection) scores: config 0 lucky at 0.9, config 1 at 0.6. Seed 1 (fresh): config 0 at 0.1,
        // config 1 at 0.6. The oracle picks config 0 on seed 0 and drops to 0.1 on fresh seeds; a proxy that
        // prefers config 1 keeps 0.6. K = N = 2, so every draw picks the same way.
        var rows = new List<CheckpointRow>
        {
            Checkpoint("r00", "c0", 0, 0.9, new() { ["p"] = 1 }, seed: 0),
            Checkpoint("r01", "c0", 0, 0.1, new() { ["p"] = 1 }, seed: 1),
            Checkpoint("r10", "c1", 0, 0.6, new() { ["p"] = 2 }, seed: 0),
            Checkpoint("r11", "c1", 0, 0.6, new() { ["p"] = 2 }, seed: 1),
        };
        var a = StudyAnalyzer.Analyze(rows, new Dictionary<string, ProxyDirection> { ["p"] = ProxyDirection.HigherIsBetter }, Fast);
        var w = Assert.Single(a.WinnersCurse);
        Assert.Equal((2, 2, 1, 1), (w.K, w.N, w.SelectionSeeds, w.FreshSeeds));
        Assert.Equal(0.9, w.OracleSelectionScore, 12);
        Assert.Equal(0.1, w.OracleFreshScore, 12);
        Assert.Equal(0.6, w.ProxySelectionScore, 12);
        Assert.Equal(0.6, w.ProxyFreshScore, 12);
        // One seed only: no split, no result.
        Assert.Empty(StudyAnalyzer.Analyze(Pool(Oracle, Proxies()), Directions, Fast).WinnersCurse);
    }

    [Fact]
    public void InvalidSettingsAreRejectedAllAtOnce()
    {
        var e = Assert.Throws<ArgumentException>(() => StudyAnalyzer.Analyze([], Directions,
            new AnalysisSettings { Budget = 0, Resamples = 0, LowerQuantile = 0.9, UpperQuantile = 0.1 }));
        Assert.Contains("budget", e.Message);
        Assert.Contains("resamples", e.Message);
        Assert.Contains("quantiles", e.Message);
    }

    [Fact]
    public void DefaultsArePinned()
    {
        var d = new AnalysisSettings();
        Assert.Equal(25, d.Budget);
        Assert.Equal(1000, d.Resamples);
        Assert.Equal([1, 2, 5, 10, 25, 50, int.MaxValue], d.BudgetCurve);
        Assert.Equal(0.05, d.LowerQuantile);
        Assert.Equal(0.95, d.UpperQuantile);
        Assert.Equal(OracleMetric.NormalizedScore, d.Oracle);
    }
}
