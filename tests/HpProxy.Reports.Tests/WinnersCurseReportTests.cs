using System.Text.RegularExpressions;

namespace HpProxy.Reports.Tests;

/// <summary>The winner's-curse figure in a whole report: absent (and not linked) without a second seed, and
/// captioned by its source when a follow-up study supplies the fresh seeds.</summary>
public sealed partial class WinnersCurseReportTests
{
    [GeneratedRegex(@"figures/[^)""\s]+\.(?:svg|png)")]
    private static partial Regex FigureLink();

    [Fact]
    public void With_one_seed_there_is_no_winners_curse_figure_and_no_broken_link()
    {
        using var dir = new TempDir();
        var result = ReportBuilder.Build(StudyData.Create(seeds: 1), dir.Path, ReportFixture.Options with { B = 20 });

        Assert.DoesNotContain(result.Figures, f => Path.GetFileName(f).StartsWith("winners-curse", StringComparison.Ordinal));
        Assert.NotEmpty(result.Figures); // the other figures are still there
        Assert.False(Directory.EnumerateFiles(Path.Combine(dir.Path, "figures"), "winners-curse*").Any());
        string md = File.ReadAllText(result.ReportMarkdown);
        string html = File.ReadAllText(result.IndexHtml);
        Assert.DoesNotContain("winners-curse__", md);
        Assert.DoesNotContain("winners-curse__", html);
        Assert.Contains("(needs at least two seeds, or a follow-up study)", md);
        foreach (string text in new[] { md, html })
        {
            var links = FigureLink().Matches(text).Select(m => m.Value).Distinct().ToList();
            Assert.NotEmpty(links);
            Assert.All(links, link => Assert.True(File.Exists(Path.Combine(dir.Path, link)), link));
        }
    }

    [Fact]
    public void A_follow_up_group_is_captioned_with_the_follow_up_study_and_the_rest_with_the_seed_split()
    {
        using var dir = new TempDir();
        var original = StudyData.Create();
        var followUp = StudyData.BcFollowUp(original); // bc re-run on fresh seeds 2 and 3, gail not

        var result = ReportBuilder.Build(original, dir.Path, ReportFixture.Options with { B = 20 }, followUp);

        string md = File.ReadAllText(result.ReportMarkdown);
        Assert.Matches(@"Winner's curse, pendulum · synthetic-10 · bc: .*follow-up study unit-followup", md);
        Assert.Matches(@"Winner's curse, pendulum · synthetic-10 · gail, seed split \(no follow-up study\)", md);
        string bc = File.ReadAllText(result.Figures.Single(f => f.EndsWith("winners-curse__pendulum__synthetic-10__bc.svg", StringComparison.Ordinal)));
        Assert.Contains("follow-up study: pick over all 10 configurations", bc);
        Assert.Contains("fresh seeds (2 seeds)", bc);
        Assert.Contains("fresh seeds from the follow-up study unit-followup for 1 group and the seed split for 1 group", md);
        // The section's summary in words is computed from the same rows (WinnersCurseSummary): the oracle's line, then one per proxy.
        Assert.Matches(@"- The oracle's pick scores [0-9.]+ on the seeds it was selected on and [0-9.]+ on fresh seeds \(mean over 2 groups;", md);
        Assert.Matches(@"- state\\_wasserstein: its pick scores [0-9.]+ on its selection seeds", md);
        string gail = File.ReadAllText(result.Figures.Single(f => f.EndsWith("winners-curse__pendulum__synthetic-10__gail.svg", StringComparison.Ordinal)));
        Assert.Contains("seed split", gail);
    }
}
