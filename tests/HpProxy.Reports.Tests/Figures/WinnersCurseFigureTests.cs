using System.Xml.Linq;
using HpProxy.Core.Analysis;
using HpProxy.Reports.Figures;
using HpProxy.Reports.Model;

namespace HpProxy.Reports.Tests.Figures;

public sealed class WinnersCurseFigureTests
{
    private static readonly ReportGroup Group = new("pendulum", "synthetic", "bc");

    private static WinnersCurseView Row(string proxy, double selection, double fresh, bool followUp = false) =>
        new(Group, proxy, followUp, followUp ? 10 : 5, 10, 2, followUp ? 3 : 2, selection, fresh, 0.9, 0.7, followUp ? "c03" : null, followUp ? "c07" : null);

    /// <summary>All text of the SVG (labels are &lt;text&gt; elements; entities decoded).</summary>
    private static string Text(ScottPlot.Plot plot) =>
        string.Join(" | ", XDocument.Parse(plot.GetSvgXml(800, 600)).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));

    [Fact]
    public void Seed_split_figure_labels_both_seed_sets_the_drop_of_each_pick_and_the_units()
    {
        using var plot = WinnersCurseFigure.Create(Group, [Row("rnd", 0.6, 0.45), Row("action_mse", 0.3, 0.35)],
            WinnersCurseFigure.AxisLabel(OracleMetric.NormalizedScore), "footer-stamp");

        string text = Text(plot!);
        Assert.Contains("normalised return (0 random, 1 demonstrator)", text);
        Assert.Contains("selection seeds (2 seeds)", text);
        Assert.Contains("fresh seeds (2 seeds)", text);
        Assert.Contains("winner's curse", text);
        Assert.Contains("seed split: pick among K = 5 of 10", text);
        Assert.Contains("drop 0.200", text);  // oracle: 0.9 − 0.7
        Assert.Contains("drop 0.150", text);  // rnd: 0.6 − 0.45
        Assert.Contains("drop −0.050", text); // action_mse gained on fresh seeds
        Assert.Contains("footer-stamp", text);
        // Oracle first, then the proxies in ordinal order.
        var ticks = plot!.Axes.Bottom.TickGenerator.Ticks.OrderBy(t => t.Position).Select(t => t.Label).ToArray();
        Assert.Equal(["oracle pick", "action_mse", "rnd"], ticks);
        Assert.True(plot.GetImageBytes(800, 600, ScottPlot.ImageFormat.Png).Length > 5_000);
    }

    [Fact]
    public void Follow_up_figure_says_so_and_marks_a_pick_the_follow_up_did_not_re_run()
    {
        using var plot = WinnersCurseFigure.Create(Group, [Row("rnd", 0.6, double.NaN, followUp: true)],
            WinnersCurseFigure.AxisLabel(OracleMetric.NormalizedScore), "footer");

        string text = Text(plot!);
        Assert.Contains("follow-up study: pick over all 10 configurations", text);
        Assert.Contains("fresh seeds (3 seeds)", text);
        Assert.Contains("not re-run", text);
        Assert.Contains("drop 0.200", text); // the oracle's pick was re-run
    }

    [Fact]
    public void Many_proxies_get_bare_drops_and_the_axis_label_explains_them()
    {
        string[] proxies = ["action_mse", "imitation_return", "reference_imitation_return", "rnd", "state_action_wasserstein", "state_wasserstein", "extra_proxy", "another_proxy"];
        using var plot = WinnersCurseFigure.Create(Group, proxies.Select(p => Row(p, 0.5, 0.4)).ToList(),
            WinnersCurseFigure.AxisLabel(OracleMetric.NormalizedScore), "footer");

        string text = Text(plot!);
        Assert.DoesNotContain("drop 0.100", text);
        Assert.Contains("0.100", text);
        Assert.Contains("drop = selection − fresh", text);
        Assert.Equal(-30, plot!.Axes.Bottom.TickLabelStyle.Rotation);
    }

    [Fact]
    public void Raw_return_oracle_changes_the_axis_label()
    {
        Assert.Equal("return (raw evaluation return)", WinnersCurseFigure.AxisLabel(OracleMetric.Return));
    }

    [Fact]
    public void Nothing_to_draw_gives_no_figure()
    {
        var empty = new WinnersCurseView(Group, "rnd", false, 5, 10, 1, 1, double.NaN, double.NaN, double.NaN, double.NaN, null, null);
        Assert.Null(WinnersCurseFigure.Create(Group, [empty], "y", "footer"));
        Assert.Null(WinnersCurseFigure.Create(Group, [], "y", "footer"));
    }

    [Fact]
    public void Caption_names_the_source_of_the_fresh_seeds()
    {
        string split = WinnersCurseFigure.Caption(Group, Row("rnd", 0.6, 0.45), 200, null);
        Assert.Contains("seed split (no follow-up study)", split);
        Assert.Contains("K = 5 of 10", split);
        Assert.Contains("B = 200 draws", split);

        var whole = Row("rnd", 0.6, 0.45) with { K = 10 };
        Assert.Contains("the pick over all 10 configurations is made on 2 seeds", WinnersCurseFigure.Caption(Group, whole, 200, null));
        Assert.DoesNotContain("draws", WinnersCurseFigure.Caption(Group, whole, 200, null)); // every draw is the whole pool

        string followUp = WinnersCurseFigure.Caption(Group, Row("rnd", 0.6, 0.45, followUp: true), 200, "pendulum-followup");
        Assert.Contains("follow-up study pendulum-followup", followUp);
        Assert.Contains("3 seeds", followUp);
        Assert.DoesNotContain("seed split", followUp);
    }
}
