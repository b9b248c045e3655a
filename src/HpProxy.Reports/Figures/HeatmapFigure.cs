using System.Globalization;
using HpProxy.Reports.Model;
using ScottPlot;

namespace HpProxy.Reports.Figures;

/// <summary>Oriented Spearman ρ of each proxy (rows) for each algorithm (columns) of one task and demonstration
/// set, on a fixed diverging scale [−1, 1] so that heatmaps of different tasks compare at a glance.</summary>
internal static class HeatmapFigure
{
    public static Plot Create(string task, string demonstrations, IReadOnlyList<CorrelationView> correlations, string footer)
    {
        string[] proxies = correlations.Select(c => c.Proxy).Distinct().Order(StringComparer.Ordinal).ToArray();
        string[] algorithms = correlations.Select(c => c.Group.Algorithm).Distinct().Order(StringComparer.Ordinal).ToArray();
        var values = new double[proxies.Length, algorithms.Length];
        for (int r = 0; r < proxies.Length; r++)
        {
            for (int c = 0; c < algorithms.Length; c++)
            {
                var cell = correlations.FirstOrDefault(x => x.Proxy == proxies[r] && x.Group.Algorithm == algorithms[c]);
                values[r, c] = cell?.Spearman ?? double.NaN;
            }
        }
        var plt = FigureStyle.Create($"{task} · {demonstrations}: Spearman ρ with the oracle", "algorithm", "proxy", footer);
        // Cells are drawn as rectangles: ScottPlot's Heatmap paints a bitmap that Skia's SVG backend drops. The
        // (hidden) heatmap only feeds the colour bar, on a fixed diverging scale [−1, 1]; it holds the two ends of
        // the scale, not the data, because ScottPlot rejects an all-NaN heatmap (every correlation undefined).
        var colormap = new ScottPlot.Colormaps.Balance();
        var range = new ScottPlot.Range(-1, 1);
        var heatmap = plt.Add.Heatmap(new double[,] { { -1, 1 } });
        heatmap.Colormap = colormap;
        heatmap.ManualRange = range;
        heatmap.IsVisible = false;
        var bar = plt.Add.ColorBar(heatmap);
        bar.Label = "Spearman ρ (oriented)";
        bar.LabelStyle.FontSize = FigureStyle.LabelSize;
        for (int r = 0; r < proxies.Length; r++)
        {
            for (int c = 0; c < algorithms.Length; c++)
            {
                double v = values[r, c];
                double y = proxies.Length - 1 - r;
                var cell = plt.Add.Rectangle(c - 0.5, c + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = double.IsFinite(v) ? colormap.GetColor(Math.Clamp(v, -1, 1), range) : Colors.LightGray;
                cell.LineColor = Colors.White;
                cell.LineWidth = 1;
            }
        }
        for (int r = 0; r < proxies.Length; r++)
        {
            for (int c = 0; c < algorithms.Length; c++)
            {
                double v = values[r, c];
                var text = plt.Add.Text(double.IsFinite(v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a", c, proxies.Length - 1 - r);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = FigureStyle.TickSize;
                text.LabelFontName = FigureStyle.FontName;
                text.LabelFontColor = double.IsFinite(v) && Math.Abs(v) > 0.6 ? Colors.White : Colors.Black;
            }
        }
        plt.Axes.Bottom.SetTicks(Enumerable.Range(0, algorithms.Length).Select(i => (double)i).ToArray(), algorithms);
        plt.Axes.Left.SetTicks(Enumerable.Range(0, proxies.Length).Select(i => (double)(proxies.Length - 1 - i)).ToArray(), proxies);
        plt.Axes.SetLimits(-0.5, algorithms.Length - 0.5, -0.5, proxies.Length - 0.5);
        return plt;
    }
}
