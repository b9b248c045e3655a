using System.Globalization;
using HpProxy.Reports.Model;
using ScottPlot;

namespace HpProxy.Reports.Figures;

/// <summary>
/// Winner's curse across all groups in one figure: one row per group, one marker per selection rule at the drop of
/// its pick (selection-seed score − fresh-seed score), so a study with many groups shows at a glance which rules
/// pay the most for selecting on noisy evaluations. The per-group figures (<see cref="WinnersCurseFigure"/>) show
/// the two scores behind each drop.
/// </summary>
internal static class WinnersCurseOverviewFigure
{
    public const int Width = 1000;

    /// <summary>Grows with the groups so that each row keeps ~30 px for its markers.</summary>
    public static int Height(int groups) => Math.Max(FigureStyle.Height, 190 + 30 * groups);

    public const string OracleLabel = "oracle pick";

    private static readonly MarkerShape[] Shapes =
        [MarkerShape.FilledCircle, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.FilledTriangleDown, MarkerShape.OpenCircle, MarkerShape.OpenSquare];

    /// <param name="rows">Winner's-curse rows of every group (one per group and proxy; the oracle repeats on each).</param>
    /// <param name="unit">The score's unit, for the x axis (<see cref="WinnersCurseFigure.AxisLabel"/>).</param>
    /// <returns>Null with fewer than two groups (the group's own figure says it all).</returns>
    public static Plot? Create(IReadOnlyList<WinnersCurseView> rows, string unit, string footer)
    {
        var groups = Drawable(rows);
        if (groups.Count < 2) return null;
        var proxies = rows.Select(r => r.Proxy).Distinct().Order(StringComparer.Ordinal).ToList();

        int followUp = groups.Count(g => rows.First(r => r.Group == g).FollowUp);
        var plt = FigureStyle.Create($"Winner's curse across groups: drop of each rule's pick\n{Sources(followUp, groups.Count - followUp)}",
            $"drop = selection − fresh seeds, {unit}", "task · demonstrations · algorithm", footer);
        // Rules spread over 80% of a row, the oracle on top (row i sits at y = n − 1 − i, first group on top).
        int rules = proxies.Count + 1;
        double Offset(int j) => rules == 1 ? 0 : 0.4 - 0.8 * j / (rules - 1);
        for (int j = 0; j < rules; j++)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (int i = 0; i < groups.Count; i++)
            {
                var groupRows = rows.Where(r => r.Group == groups[i]).ToList();
                var row = j == 0 ? groupRows[0] : groupRows.FirstOrDefault(r => r.Proxy == proxies[j - 1]);
                if (row is null) continue;
                double drop = j == 0 ? Drop(row.OracleSelection, row.OracleFresh) : Drop(row.ProxySelection, row.ProxyFresh);
                if (!double.IsFinite(drop)) continue;
                xs.Add(drop);
                ys.Add(groups.Count - 1 - i + Offset(j));
            }
            if (xs.Count == 0) continue;
            var color = j == 0 ? FigureStyle.OracleColor : FigureStyle.Series(j - 1);
            var points = plt.Add.ScatterPoints(xs.ToArray(), ys.ToArray(), color);
            points.LegendText = j == 0 ? OracleLabel : proxies[j - 1];
            points.MarkerShape = j == 0 ? MarkerShape.FilledSquare : Shapes[(j - 1) % Shapes.Length];
            points.MarkerSize = 9;
        }
        // Solid zero line (Skia's SVG backend cannot write dashes, see BudgetFigure): right of it the pick did worse on
        // fresh seeds than on the seeds it was selected on.
        var zero = plt.Add.VerticalLine(0, 1.5f, Colors.Black, LinePattern.Solid);
        zero.LegendText = "no drop";
        // Thin separators between groups keep each rule's marker with its row.
        for (int i = 1; i < groups.Count; i++) plt.Add.HorizontalLine(i - 0.5, 1f, Color.FromHex("#dddddd"), LinePattern.Solid);

        plt.Axes.Left.SetTicks(Enumerable.Range(0, groups.Count).Select(i => (double)(groups.Count - 1 - i)).ToArray(), groups.Select(g => g.ToString()).ToArray());
        plt.Axes.Left.MajorTickStyle.Length = 0;
        plt.Axes.SetLimitsY(-0.6, groups.Count - 0.4);
        plt.HideGrid();
        // Legend in rows under the title: at the side it would take a fifth of the width from the data.
        plt.Legend.Orientation = Orientation.Horizontal;
        plt.Legend.FontSize = FigureStyle.TickSize;
        plt.ShowLegend(Edge.Top);
        return plt;
    }

    /// <summary>Groups with at least one finite drop, in report order.</summary>
    private static List<ReportGroup> Drawable(IReadOnlyList<WinnersCurseView> rows) =>
        rows.Where(r => double.IsFinite(Drop(r.ProxySelection, r.ProxyFresh)) || double.IsFinite(Drop(r.OracleSelection, r.OracleFresh)))
            .Select(r => r.Group).Distinct().Order().ToList();

    private static string Groups(int n) => n == 1 ? "1 group" : n.ToString(CultureInfo.InvariantCulture) + " groups";

    private static double Drop(double selection, double fresh) => selection - fresh;

    private static string Sources(int followUp, int seedSplit) =>
        (followUp, seedSplit) switch
        {
            (0, _) => "fresh seeds: seed split in every group",
            (_, 0) => "fresh seeds: follow-up study in every group",
            _ => $"fresh seeds: follow-up study in {Groups(followUp)}, seed split in {Groups(seedSplit)}",
        };

    /// <summary>The caption, naming where the fresh seeds come from.</summary>
    public static string Caption(IReadOnlyList<WinnersCurseView> rows, string? followUpStudy)
    {
        var groups = Drawable(rows);
        int followUp = groups.Count(g => rows.First(r => r.Group == g).FollowUp);
        string source = followUp == 0
            ? "each group's seeds split in halves (no follow-up study)"
            : followUp == groups.Count
                ? $"the follow-up study {followUpStudy ?? "(unnamed)"}"
                : $"the follow-up study {followUpStudy ?? "(unnamed)"} for {Groups(followUp)} and the seed split for {Groups(groups.Count - followUp)}";
        return $"Winner's curse across groups: for each group (row), the drop of the oracle's and each proxy's pick from the seeds it was " +
            $"selected on to fresh seeds; fresh seeds from {source}. Right of the zero line, the pick was worse on fresh seeds.";
    }
}
