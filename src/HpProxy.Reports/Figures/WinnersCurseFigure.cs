using System.Globalization;
using HpProxy.Reports.Model;
using ScottPlot;

namespace HpProxy.Reports.Figures;

/// <summary>
/// Winner's curse of one group (SPEC.md §6): for the oracle's pick and each proxy's pick, the mean true score on the
/// seeds the pick was selected on next to the score on fresh seeds, as paired bars with the drop (selection − fresh)
/// written over each pair. The oracle comes first: it selects on the very numbers it reports, so its drop is the
/// pure optimism of selecting on noisy evaluations, against which a proxy's drop is read.
/// </summary>
internal static class WinnersCurseFigure
{
    /// <summary>Selection seeds dark, fresh seeds light: the same two colours for every rule, so the legend has two
    /// entries and the eye compares heights within a pair (blue/orange stay apart for colour-blind readers).</summary>
    public static readonly Color SelectionColor = Color.FromHex("#1f77b4");

    public static readonly Color FreshColor = Color.FromHex("#ff7f0e");

    private const double BarWidth = 0.38;

    /// <param name="rows">The group's rows, one per proxy (the oracle's numbers are repeated on each).</param>
    /// <param name="yLabel">What the score is (normalised return or raw return, <see cref="AxisLabel"/>).</param>
    /// <returns>Null when no row has a finite score on both seed sets (nothing to compare).</returns>
    public static Plot? Create(ReportGroup group, IReadOnlyList<WinnersCurseView> rows, string yLabel, string footer)
    {
        var ordered = rows.OrderBy(r => r.Proxy, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0 || !ordered.Any(r => double.IsFinite(r.ProxySelection) || double.IsFinite(r.OracleSelection))) return null;
        var first = ordered[0];
        var entries = new List<(string Label, double Selection, double Fresh)> { ("oracle pick", first.OracleSelection, first.OracleFresh) };
        entries.AddRange(ordered.Select(r => (r.Proxy, r.ProxySelection, r.ProxyFresh)));

        var plt = FigureStyle.Create($"{group}: winner's curse\n{Subtitle(first)}", "selection rule (whose pick)", yLabel, footer);
        var selectionBars = new List<Bar>();
        var freshBars = new List<Bar>();
        for (int i = 0; i < entries.Count; i++)
        {
            var (_, selection, fresh) = entries[i];
            if (double.IsFinite(selection)) selectionBars.Add(new Bar { Position = i - BarWidth / 2, Value = selection, FillColor = SelectionColor, Size = BarWidth });
            if (double.IsFinite(fresh)) freshBars.Add(new Bar { Position = i + BarWidth / 2, Value = fresh, FillColor = FreshColor, Size = BarWidth });
        }
        var sel = plt.Add.Bars(selectionBars);
        sel.LegendText = $"selection seeds ({Seeds(first.SelectionSeeds)})";
        var fr = plt.Add.Bars(freshBars);
        fr.LegendText = $"fresh seeds ({Seeds(first.FreshSeeds)})";

        var finite = entries.SelectMany(e => new[] { e.Selection, e.Fresh }).Where(double.IsFinite).Append(0).ToList();
        double low = finite.Min(), high = finite.Max();
        double span = Math.Max(high - low, 0.1);
        // "drop 0.005" over each pair while it fits the pair's slot; with many proxies the bare number, and the
        // axis label says what it is.
        bool wordy = CategoryTicks.Fits("drop −0.000".Length, entries.Count);
        if (!wordy) plt.XLabel("selection rule (number over each pair: drop = selection − fresh)", FigureStyle.LabelSize);
        for (int i = 0; i < entries.Count; i++)
        {
            var (_, selection, fresh) = entries[i];
            string text = double.IsFinite(selection) && double.IsFinite(fresh)
                ? (wordy ? "drop " : "") + Signed(selection - fresh)
                : double.IsFinite(selection) ? "not re-run" : "n/a";
            double top = new[] { selection, fresh, 0 }.Where(double.IsFinite).Max();
            var label = plt.Add.Text(text, i, top + 0.02 * span);
            label.LabelAlignment = Alignment.LowerCenter;
            label.LabelFontSize = FigureStyle.TickSize;
            label.LabelFontName = FigureStyle.FontName;
            label.LabelFontColor = Colors.Black;
        }

        CategoryTicks.Set(plt, entries.Select(e => e.Label).ToList());
        // Headroom above the tallest bar for the drop labels and the legend, which sits inside the data area so the
        // plot keeps its full width (the budget figure's side legend costs a fifth of it).
        plt.Axes.SetLimits(-0.6, entries.Count - 0.4, Math.Min(low, 0) - 0.05 * span, high + 0.35 * span);
        plt.HideGrid();
        plt.Legend.FontSize = FigureStyle.TickSize;
        plt.ShowLegend(Alignment.UpperRight);
        return plt;
    }

    /// <summary>The y-axis label for the analysis's oracle column.</summary>
    public static string AxisLabel(Core.Analysis.OracleMetric oracle) =>
        oracle == Core.Analysis.OracleMetric.Return ? "return (raw evaluation return)" : "normalised return (0 random, 1 demonstrator)";

    /// <summary>Which fresh seeds the figure shows: the follow-up study's or the study's own seeds split in halves.</summary>
    public static string Subtitle(WinnersCurseView w) => w.FollowUp
        ? $"follow-up study: pick over all {I(w.Pool)} configurations, re-run on fresh seeds"
        : w.K >= w.Pool
            ? $"seed split: pick over all {I(w.Pool)} configurations on half of the seeds"
            : $"seed split: pick among K = {I(w.K)} of {I(w.Pool)} on half of the seeds, mean over draws";

    /// <summary>Three decimals with a true minus sign (a gain on fresh seeds is a negative drop).</summary>
    private static string Signed(double v) => v.ToString("0.000", CultureInfo.InvariantCulture).Replace('-', '−');

    /// <summary>The caption, naming the source of the fresh seeds.</summary>
    public static string Caption(ReportGroup group, WinnersCurseView w, int draws, string? followUpStudy) => w.FollowUp
        ? $"Winner's curse, {group}: mean score of the configuration each rule picks over the whole pool ({I(w.Pool)} configurations) on the " +
          $"{Seeds(w.SelectionSeeds)} it was selected on and on the {Seeds(w.FreshSeeds)} of the follow-up study {followUpStudy ?? "(unnamed)"}; " +
          "drop = selection − fresh."
        : $"Winner's curse, {group}, seed split (no follow-up study): " +
          (w.K >= w.Pool
              ? $"the pick over all {I(w.Pool)} configurations is made on {Seeds(w.SelectionSeeds)} and scored there and on the other {Seeds(w.FreshSeeds)}"
              : $"the pick among K = {I(w.K)} of {I(w.Pool)} configurations is made on {Seeds(w.SelectionSeeds)} and scored there and on the other " +
                $"{Seeds(w.FreshSeeds)}, mean over B = {I(draws)} draws") +
          "; drop = selection − fresh.";

    private static string Seeds(int n) => n == 1 ? "1 seed" : $"{I(n)} seeds";

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
