using HpProxy.Core.Analysis;
using HpProxy.Storage;

namespace HpProxy.Reports.Tests.Analysis;

/// <summary>What <c>hpproxy analyze</c> threads into the report: full analysis settings, a proxy subset, and the
/// winner's-curse follow-up study.</summary>
public sealed class AnalyzeSettingsTests
{
    [Fact]
    public void Analysis_settings_win_over_K_and_B_and_a_proxy_subset_drops_the_others()
    {
        using var dir = new TempDir();
        var settings = new AnalysisSettings { Budget = 3, Resamples = 40, Seed = 9, BudgetCurve = [2, int.MaxValue], Oracle = OracleMetric.Return };

        var result = ReportBuilder.Build(StudyData.Create(), dir.Path,
            new ReportOptions { K = 7, B = 11, Analysis = settings, Proxies = ["rnd"], Figures = false });

        Assert.Equal(settings, result.Analysis!.Settings);
        Assert.All(result.Analysis.Selections, s => Assert.Equal((3, 40, "rnd"), (s.K, s.Draws, s.Proxy)));
        Assert.Equal([2, 10], result.Analysis.BudgetCurves.Select(b => b.K).Distinct().Order());
        // Raw returns (100·score − 50) instead of normalised scores.
        Assert.All(result.Analysis.Selections, s => Assert.True(s.OracleMean > 1, $"{s.OracleMean}"));
        Assert.Contains("| analysis settings | K = 3, B = 40, seed = 9, budgets = 2, all, oracle = raw return |", File.ReadAllText(result.ReportMarkdown));
        Assert.Equal(3, File.ReadAllLines(result.CorrelationsCsv).Length); // header + rnd for bc and gail
        Assert.Throws<ArgumentException>(() => ReportBuilder.Build(StudyData.Create(), dir.Path, new ReportOptions { Proxies = ["nope"], Figures = false }));
    }

    [Fact]
    public void A_follow_up_study_gives_the_winners_curse_its_fresh_seeds()
    {
        using var dir = new TempDir();
        var original = StudyData.Create();
        var followUp = StudyData.BcFollowUp(original); // bc re-run on fresh seeds 2 and 3, gail not

        var result = ReportBuilder.Build(original, dir.Path, ReportFixture.Options with { B = 20, Figures = false }, followUp);

        Assert.Equal("unit-followup", result.FollowUpStudy);
        var bc = result.Analysis!.WinnersCurse.Where(w => w.Algorithm == "bc").ToList();
        Assert.Equal(3, bc.Count);
        Assert.All(bc, w => Assert.Equal((WinnersCurseSource.FollowUp, 10, 2, 2, 0.42, 0.42), (w.Source, w.K, w.SelectionSeeds, w.FreshSeeds, w.ProxyFreshScore, w.OracleFreshScore)));
        Assert.All(result.Analysis.WinnersCurse.Where(w => w.Algorithm == "gail"), w => Assert.Equal(WinnersCurseSource.SeedSplit, w.Source));
        string md = File.ReadAllText(result.ReportMarkdown);
        Assert.Contains("re-run on fresh seeds by the follow-up study unit-followup", md);
        Assert.Contains("| pendulum | synthetic-10 | bc | state\\_wasserstein | follow-up | 10 | 10 | 2 / 2 |", md);
        Assert.Contains("| pendulum | synthetic-10 | gail | state\\_wasserstein | seed split | 5 | 10 | 1 / 1 |", md);
    }
}
