using HpProxy.Reports.Model;
using ScottPlot;

namespace HpProxy.Reports.Figures;

/// <summary>Early stopping in one group: mean score at the last checkpoint and at the oracle-best checkpoint (the
/// two bounds), and at the checkpoint each proxy chooses.</summary>
internal static class EarlyStoppingFigure
{
    public static Plot Create(ReportGroup group, IReadOnlyList<EarlyStoppingView> views, string footer)
    {
        var ordered = views.OrderBy(v => v.Proxy, StringComparer.Ordinal).ToList();
        // Last and oracle-best do not depend on the proxy except through the runs it could score (a proxy that is NaN
        // everywhere leaves runs out), so the bounds shown are those over the largest set of runs.
        var widest = ordered.MaxBy(v => v.Runs)!;
        var entries = new List<(string, Interval, Color)>
        {
            ("oracle-best checkpoint", Point(widest.OracleBest), FigureStyle.OracleColor),
            ("last checkpoint", Point(widest.Last), FigureStyle.LastColor),
        };
        for (int i = 0; i < ordered.Count; i++) entries.Add((ordered[i].Proxy, Point(ordered[i].ProxyChosen), FigureStyle.Series(i)));
        var plt = FigureStyle.Create($"{group}: checkpoint chosen by each proxy", "checkpoint rule", "mean normalised score", footer);
        BarsWithIntervals.Add(plt, entries);
        return plt;
    }

    private static Interval Point(double v) => new(v, double.NaN, double.NaN);
}
