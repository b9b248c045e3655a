using System.Xml.Linq;
using HpProxy.Reports.Figures;
using HpProxy.Reports.Model;

namespace HpProxy.Reports.Tests.Figures;

public sealed class WinnersCurseOverviewFigureTests
{
    private static WinnersCurseView Row(string algorithm, string proxy, double proxyDrop, double oracleDrop, bool followUp) =>
        new(new ReportGroup("pendulum", "synthetic", algorithm), proxy, followUp, 10, 10, 1, 2, 0.5 + proxyDrop, 0.5, 0.9 + oracleDrop, 0.9, null, null);

    private static string Text(ScottPlot.Plot plot) =>
        string.Join(" | ", XDocument.Parse(plot.GetSvgXml(1000, 600)).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));

    [Fact]
    public void One_row_per_group_one_marker_per_rule_at_its_drop()
    {
        var rows = new[] { Row("bc", "rnd", 0.1, 0.3, false), Row("bc", "action_mse", -0.05, 0.3, false), Row("gail", "rnd", 0.2, 0.25, true), Row("gail", "action_mse", 0.0, 0.25, true) };
        using var plot = WinnersCurseOverviewFigure.Create(rows, "normalised return (0 random, 1 demonstrator)", "footer-stamp");

        string text = Text(plot!);
        Assert.Contains("drop = selection − fresh seeds, normalised return (0 random, 1 demonstrator)", text);
        Assert.Contains("fresh seeds: follow-up study in 1 group, seed split in 1 group", text);
        Assert.Contains("footer-stamp", text);
        foreach (string label in new[] { "oracle pick", "rnd", "action_mse", "no drop" }) Assert.Contains(label, text);
        // First group on top.
        var ticks = plot!.Axes.Left.TickGenerator.Ticks.OrderByDescending(t => t.Position).Select(t => t.Label).ToArray();
        Assert.Equal(["pendulum · synthetic · bc", "pendulum · synthetic · gail"], ticks);
        // Markers sit at the drops: the oracle's series holds 0.3 (bc) and 0.25 (gail).
        var series = plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToDictionary(s => s.LegendText, s => s.Data.GetScatterPoints().Select(p => Math.Round(p.X, 9)).ToArray());
        Assert.Equal([0.3, 0.25], series["oracle pick"]);
        Assert.Equal([-0.05, 0.0], series["action_mse"]);
        Assert.Equal([0.1, 0.2], series["rnd"]);
    }

    [Fact]
    public void A_single_group_has_no_overview()
    {
        Assert.Null(WinnersCurseOverviewFigure.Create([Row("bc", "rnd", 0.1, 0.3, false)], "unit", "footer"));
    }

    [Fact]
    public void Height_grows_with_the_groups()
    {
        Assert.Equal(FigureStyle.Height, WinnersCurseOverviewFigure.Height(2));
        Assert.True(WinnersCurseOverviewFigure.Height(24) > 800);
    }

    [Fact]
    public void Caption_names_where_the_fresh_seeds_come_from()
    {
        var split = new[] { Row("bc", "rnd", 0.1, 0.3, false), Row("gail", "rnd", 0.1, 0.3, false) };
        Assert.Contains("each group's seeds split in halves (no follow-up study)", WinnersCurseOverviewFigure.Caption(split, null));
        var mixed = new[] { Row("bc", "rnd", 0.1, 0.3, false), Row("gail", "rnd", 0.1, 0.3, true) };
        Assert.Contains("the follow-up study pf for 1 group and the seed split for 1 group", WinnersCurseOverviewFigure.Caption(mixed, "pf"));
        var all = new[] { Row("bc", "rnd", 0.1, 0.3, true), Row("gail", "rnd", 0.1, 0.3, true) };
        Assert.Contains("fresh seeds from the follow-up study pf.", WinnersCurseOverviewFigure.Caption(all, "pf"));
    }
}
