using HpProxy.Core.Proxies;
using HpProxy.Reports.Model;

namespace HpProxy.Reports.Tests.Analysis;

public sealed class AnalysisViewTests
{
    private static ReportModel Model(int k = 5) =>
        ReportModelFactory.Create(StudyData.Create(), ReportFixture.Options with { K = k, B = 300 });

    [Fact]
    public void PerfectProxyPicksWhatTheOraclePicks()
    {
        var model = Model();
        var sel = model.Analysis.Selections.Single(s => s.Group.Algorithm == "gail" && s.Proxy == "state_wasserstein");
        Assert.Equal(5, sel.K);
        Assert.Equal(10, sel.Pool);
        Assert.Equal(sel.Oracle.Mean, sel.Pick.Mean, 12);
        Assert.Equal(0, sel.Regret, 12);
        Assert.True(sel.Random.Mean < sel.Pick.Mean - 0.1);
        Assert.True(sel.Pick.Low <= sel.Pick.Mean && sel.Pick.Mean <= sel.Pick.High);
    }

    [Fact]
    public void PoorProxyHasRegret()
    {
        var sel = Model().Analysis.Selections.Single(s => s.Group.Algorithm == "gail" && s.Proxy == "action_mse");
        Assert.True(sel.Regret > 0.05, $"regret {sel.Regret}");
    }

    [Fact]
    public void BudgetCurveEndsWithTheWholePoolWhereEveryRuleIsTheOracle()
    {
        var curve = Model().Analysis.Budget.Where(b => b.Group.Algorithm == "bc" && b.Proxy == "state_wasserstein").OrderBy(b => b.K).ToList();
        Assert.Equal([1, 2, 5, 10], curve.Select(b => b.K));
        // K = 1: every rule picks the same random configuration.
        Assert.Equal(curve[0].Random.Mean, curve[0].Pick.Mean, 12);
        Assert.Equal(curve[0].Oracle.Mean, curve[0].Pick.Mean, 12);
        // K = pool: the perfect proxy finds the best configuration in every draw.
        Assert.Equal(curve[^1].Oracle.Mean, curve[^1].Pick.Mean, 12);
        Assert.Equal(curve[^1].Pick.Low, curve[^1].Pick.High, 12);
    }

    [Fact]
    public void EarlyStoppingWithAPerfectProxyEqualsTheOracleBestCheckpoint()
    {
        var model = Model();
        var early = model.Analysis.EarlyStopping.Single(e => e.Group.Algorithm == "gail" && e.Proxy == "state_wasserstein");
        Assert.Equal(early.OracleBest, early.ProxyChosen, 12);
        Assert.True(early.ProxyChosen > early.Last, "odd configurations peak before the last checkpoint");
        Assert.Equal(20, early.Runs); // 10 configurations × 2 seeds
    }

    [Fact]
    public void LowerIsBetterProxiesAreOrientedAndUnknownOnesFlagged()
    {
        var source = StudyData.Create();
        var rows = source.GetCheckpoints().Select(r => r with
        {
            Proxies = r.Proxies.ToDictionary(kv => kv.Key == "rnd" ? "mystery_score" : kv.Key, kv => kv.Value),
        }).ToList();
        var store = new FakeStudyStore(source.GetStudy(), source.GetRuns(), rows);
        var options = ReportFixture.Options with { B = 20, ProxyDirections = new Dictionary<string, ProxyDirection> { ["action_mse"] = ProxyDirection.LowerIsBetter } };
        var model = ReportModelFactory.Create(store, options);
        Assert.Equal(["mystery_score"], model.UnknownDirections);
        Assert.Equal(ProxyDirection.HigherIsBetter, model.Directions["mystery_score"]);
        var c = model.Analysis.Correlations.Single(x => x.Group.Algorithm == "bc" && x.Proxy == "state_wasserstein");
        Assert.Equal(1.0, c.Spearman, 12);
        Assert.Equal(1.0, c.Kendall, 12);
        Assert.True(c.SpearmanLow <= c.Spearman && c.Spearman <= c.SpearmanHigh);
    }

    [Fact]
    public void RegistryDirectionsApplyWhenTheCallerGivesNone()
    {
        var model = ReportModelFactory.Create(StudyData.Create(), new ReportOptions { B = 20 });
        Assert.Equal(ProxyDirection.LowerIsBetter, model.Directions["state_wasserstein"]);
        Assert.Equal(ProxyDirection.LowerIsBetter, model.Directions["action_mse"]);
        Assert.Equal(ProxyRegistry.Contains("rnd") ? [] : ["rnd"], model.UnknownDirections);
    }
}
