using HpProxy.Core.Analysis;
using HpProxy.Core.Proxies;

namespace HpProxy.Core.Tests.Analysis;

/// <summary>The winner's-curse follow-up: which configuration each selector picks over a whole pool, and the
/// selection-seed vs fresh-seed scores once a follow-up re-ran them.</summary>
public class FollowUpTests
{
    // Pool of five configurations c000..c004 (true scores below), two seeds each.
    private static readonly double[] Oracle = [0.2, 0.9, 0.5, 0.7, 0.1];

    private static readonly Dictionary<string, double[]> ProxyValues = new()
    {
        ["good"] = [0.1, 0.8, 0.6, 0.95, 0.0],                             // higher is better: picks c003
        ["mse"] = [0.3, 0.5, 0.05, 0.4, 0.9],                              // lower is better: picks c002
        ["flat"] = [1.0, 1.0, 1.0, 1.0, 1.0],                              // all tied: the first configuration, c000
        ["partial"] = [double.NaN, double.NaN, 0.2, double.NaN, 0.3],      // NaN never wins: c004
    };

    private static readonly Dictionary<string, ProxyDirection> Directions = new()
    {
        ["good"] = ProxyDirection.HigherIsBetter,
        ["mse"] = ProxyDirection.LowerIsBetter,
        ["flat"] = ProxyDirection.HigherIsBetter,
        ["partial"] = ProxyDirection.HigherIsBetter,
    };

    [Fact]
    public void Each_selector_picks_its_best_configuration_over_the_whole_pool()
    {
        var rows = AnalysisTestData.Pool(Oracle, ProxyValues, seeds: 2);
        // A second group (another algorithm) whose best is its last configuration for every selector.
        rows.AddRange(AnalysisTestData.Pool([0.1, 0.3], new() { ["good"] = [1, 2], ["mse"] = [2, 1], ["flat"] = [0, 0], ["partial"] = [0, 1] }, algorithm: "b"));

        var picks = FollowUpSelection.Picks(rows, Directions, OracleMetric.NormalizedScore);

        Assert.Equal(
            [
                ("a", "flat", "c000", 0.2), ("a", "good", "c003", 0.7), ("a", "mse", "c002", 0.5), ("a", "partial", "c004", 0.1), ("a", "oracle", "c001", 0.9),
                ("b", "flat", "c000", 0.1), ("b", "good", "c001", 0.3), ("b", "mse", "c001", 0.3), ("b", "partial", "c001", 0.3), ("b", "oracle", "c001", 0.3),
            ],
            picks.Select(p => (p.Algorithm, p.Selector, p.ConfigId, Math.Round(p.Score, 12))));
        Assert.All(picks.Where(p => p.Algorithm == "a"), p => Assert.Equal((2, 5), (p.Seeds, p.Pool)));
    }

    [Fact]
    public void A_proxy_without_any_value_in_a_group_picks_nothing_there()
    {
        var values = new Dictionary<string, double[]>(ProxyValues) { ["absent"] = [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN] };
        var directions = new Dictionary<string, ProxyDirection>(Directions) { ["absent"] = ProxyDirection.HigherIsBetter };
        var picks = FollowUpSelection.Picks(AnalysisTestData.Pool(Oracle, values, seeds: 2), directions, OracleMetric.NormalizedScore);

        Assert.DoesNotContain(picks, p => p.Selector == "absent");
        Assert.Equal(["flat", "good", "mse", "partial", "oracle"], picks.Select(p => p.Selector));
    }

    [Fact]
    public void A_configuration_without_an_oracle_score_is_not_in_the_pool()
    {
        var rows = AnalysisTestData.Pool([double.NaN, 0.4, 0.3], new() { ["good"] = [9, 1, 2] });
        var picks = FollowUpSelection.Picks(rows, new Dictionary<string, ProxyDirection> { ["good"] = ProxyDirection.HigherIsBetter }, OracleMetric.NormalizedScore);
        Assert.Equal(["c002", "c001"], picks.Select(p => p.ConfigId));
        Assert.All(picks, p => Assert.Equal(2, p.Pool));
    }

    [Fact]
    public void With_follow_up_rows_the_winners_curse_compares_selection_and_fresh_seeds_of_each_pick()
    {
        var rows = AnalysisTestData.Pool(Oracle, ProxyValues, seeds: 2);
        rows.AddRange(AnalysisTestData.Pool([0.1, 0.3, 0.2], new() { ["good"] = [1, 2, 3], ["mse"] = [1, 2, 3], ["flat"] = [0, 0, 0], ["partial"] = [0, 0, 0] },
            algorithm: "b", seeds: 2));
        // The follow-up re-ran c001 (oracle's pick), c002 (mse's) and c003 (good's) of group a on seeds 2..4; not c000, c004.
        var fresh = new Dictionary<string, double[]> { ["c001"] = [0.6, 0.7, 0.8], ["c002"] = [0.4, 0.45, 0.5], ["c003"] = [0.65, 0.6, 0.55] };
        var followUp = fresh.SelectMany(f => f.Value.Select((score, i) =>
            AnalysisTestData.Checkpoint($"f/{f.Key}/{i}", f.Key, 0, score, new() { ["good"] = 0, ["mse"] = 0, ["flat"] = 0, ["partial"] = 0 }, seed: 2 + i))).ToList();

        var analysis = StudyAnalyzer.Analyze(rows, Directions, new AnalysisSettings { Resamples = 50 }, followUp);

        var a = analysis.WinnersCurse.Where(w => w.Algorithm == "a").ToDictionary(w => w.Proxy);
        Assert.All(a.Values, w => Assert.Equal((WinnersCurseSource.FollowUp, 5, 5, 2, 3, "c001"), (w.Source, w.K, w.N, w.SelectionSeeds, w.FreshSeeds, w.OracleConfigId)));
        Assert.All(a.Values, w => Assert.Equal((0.9, 0.7), (w.OracleSelectionScore, Math.Round(w.OracleFreshScore, 12))));
        Assert.Equal(("c003", 0.7, 0.6), (a["good"].ProxyConfigId, a["good"].ProxySelectionScore, Math.Round(a["good"].ProxyFreshScore, 12)));
        Assert.Equal(("c002", 0.5, 0.45), (a["mse"].ProxyConfigId, a["mse"].ProxySelectionScore, Math.Round(a["mse"].ProxyFreshScore, 12)));
        Assert.Equal("c000", a["flat"].ProxyConfigId);
        Assert.True(double.IsNaN(a["flat"].ProxyFreshScore)); // not re-run
        // Group b has no follow-up rows: the seed split stays the fallback.
        Assert.All(analysis.WinnersCurse.Where(w => w.Algorithm == "b"), w => Assert.Equal((WinnersCurseSource.SeedSplit, (string?)null), (w.Source, w.ProxyConfigId)));
        Assert.Equal(4, analysis.WinnersCurse.Count(w => w.Algorithm == "b"));
    }
}
