using HpProxy.Reports.Model;
using ScottPlot;

namespace HpProxy.Reports.Figures;

/// <summary>Budget curves of one group: mean normalised score of the pick against K (log scale), per proxy, with the
/// oracle pick and a random pick as dashed bounds.</summary>
internal static class BudgetFigure
{
    public static Plot Create(ReportGroup group, IReadOnlyList<BudgetPointView> points, string footer)
    {
        var plt = FigureStyle.Create($"{group}: budget curve", "K, configurations tried (log scale)", "normalised score of the pick (mean)", footer);
        var proxies = points.Select(p => p.Proxy).Distinct().Order(StringComparer.Ordinal).ToList();
        int[] ks = points.Select(p => p.K).Distinct().Order().ToArray();
        for (int i = 0; i < proxies.Count; i++)
        {
            var curve = points.Where(p => p.Proxy == proxies[i]).OrderBy(p => p.K).ToList();
            var line = plt.Add.Scatter(curve.Select(p => Math.Log10(p.K)).ToArray(), curve.Select(p => p.Pick.Mean).ToArray(), FigureStyle.Series(i));
            line.LegendText = proxies[i];
            line.LineWidth = 2;
            line.MarkerSize = 6;
        }
        var widest = points.GroupBy(p => p.Proxy).MaxBy(g => g.Count())!.OrderBy(p => p.K).ToList();
        var oracle = plt.Add.Scatter(widest.Select(p => Math.Log10(p.K)).ToArray(), widest.Select(p => p.Oracle.Mean).ToArray(), FigureStyle.OracleColor);
        oracle.LegendText = "oracle pick";
        // Bounds are told apart by colour and marker shape, not dashes: Skia's SVG backend cannot write dash
        // effects (it prints a warning per line and draws them solid), and PNG and SVG must look the same.
        oracle.MarkerShape = MarkerShape.FilledSquare;
        oracle.MarkerSize = 7;
        oracle.LineWidth = 2;
        var random = plt.Add.Scatter(widest.Select(p => Math.Log10(p.K)).ToArray(), widest.Select(p => p.Random.Mean).ToArray(), FigureStyle.RandomColor);
        random.LegendText = "random pick";
        random.MarkerShape = MarkerShape.FilledTriangleUp;
        random.MarkerSize = 8;
        random.LineWidth = 2;
        plt.Axes.Bottom.SetTicks(ks.Select(k => Math.Log10(k)).ToArray(), ks.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plt.ShowLegend(Edge.Right);
        return plt;
    }
}
