using HpProxy.Core.Proxies;
using HpProxy.Reports.Analysis;
using HpProxy.Reports.Model;
using ScottPlot;

namespace HpProxy.Reports.Figures;

/// <summary>Proxy (x) against the oracle's normalised score (y), one point per configuration (mean over seeds,
/// last checkpoint), with the oriented Spearman ρ and Kendall τ in the title.</summary>
internal static class ScatterFigure
{
    public static Plot Create(ReportGroup group, string proxy, ProxyDirection direction, IReadOnlyList<ConfigPoint> points, CorrelationView? correlation, string footer)
    {
        var usable = points.Where(p => p.Proxies.TryGetValue(proxy, out double v) && double.IsFinite(v) && double.IsFinite(p.Score)).ToList();
        string stats = correlation is null
            ? "too few configurations for a correlation"
            : $"Spearman ρ = {Headline.F(correlation.Spearman)}, Kendall τ = {Headline.F(correlation.Kendall)} (n = {correlation.N})";
        var plt = FigureStyle.Create(
            $"{group.Task} · {group.Demonstrations} · {group.Algorithm}: {proxy}\n{stats}",
            $"{proxy} ({ProxyDirections.Describe(direction)})",
            "normalised score (0 = random, 1 = expert)",
            footer);
        var scatter = plt.Add.ScatterPoints(usable.Select(p => p.Proxies[proxy]).ToArray(), usable.Select(p => p.Score).ToArray(), FigureStyle.Series(0));
        scatter.MarkerSize = 8;
        scatter.LegendText = "configuration (mean over seeds)";
        // Solid reference lines: Skia's SVG backend cannot write dash effects (see BudgetFigure).
        var reference = plt.Add.HorizontalLine(1.0, 1.5f, FigureStyle.OracleColor, LinePattern.Solid);
        reference.LegendText = "expert";
        var random = plt.Add.HorizontalLine(0.0, 1.5f, FigureStyle.RandomColor, LinePattern.Solid);
        random.LegendText = "random";
        // Good configurations sit top-left for a lower-is-better proxy and top-right otherwise: the legend takes the
        // other top corner.
        plt.ShowLegend(direction == ProxyDirection.LowerIsBetter ? Alignment.UpperRight : Alignment.UpperLeft);
        return plt;
    }
}
