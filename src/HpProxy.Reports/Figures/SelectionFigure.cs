using HpProxy.Reports.Model;
using ScottPlot;

namespace HpProxy.Reports.Figures;

/// <summary>Selection simulation of one group: mean normalised score of the pick with its 5–95% interval, for the
/// oracle pick (upper bound), each proxy, and a random pick (lower bound).</summary>
internal static class SelectionFigure
{
    public static Plot Create(ReportGroup group, IReadOnlyList<SelectionView> selections, int b, string footer)
    {
        var ordered = selections.OrderBy(s => s.Proxy, StringComparer.Ordinal).ToList();
        var first = ordered[0];
        var entries = new List<(string Label, Interval Value, Color Color)> { ("oracle pick", first.Oracle, FigureStyle.OracleColor) };
        for (int i = 0; i < ordered.Count; i++) entries.Add((ordered[i].Proxy, ordered[i].Pick, FigureStyle.Series(i)));
        entries.Add(("random pick", first.Random, FigureStyle.RandomColor));
        var plt = FigureStyle.Create(
            $"{group}: selection with K = {first.K} of {first.Pool} (B = {b})",
            "selection rule",
            "normalised score of the pick (mean, 5–95%)",
            footer);
        BarsWithIntervals.Add(plt, entries);
        return plt;
    }
}
