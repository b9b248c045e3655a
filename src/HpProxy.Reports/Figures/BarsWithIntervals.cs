using HpProxy.Reports.Model;
using ScottPlot;

namespace HpProxy.Reports.Figures;

/// <summary>Bars of means with asymmetric 5–95% whiskers and category tick labels (<see cref="CategoryTicks"/>).</summary>
internal static class BarsWithIntervals
{
    public static void Add(Plot plt, IReadOnlyList<(string Label, Interval Value, Color Color)> entries)
    {
        var bars = new List<Bar>();
        for (int i = 0; i < entries.Count; i++)
        {
            var (_, value, color) = entries[i];
            bars.Add(new Bar { Position = i, Value = double.IsFinite(value.Mean) ? value.Mean : 0, FillColor = color, Size = 0.7 });
        }
        plt.Add.Bars(bars);
        var withInterval = Enumerable.Range(0, entries.Count).Where(i => double.IsFinite(entries[i].Value.Low)).ToList();
        if (withInterval.Count > 0)
        {
            var errors = plt.Add.ErrorBar(
                withInterval.Select(i => (double)i).ToList(),
                withInterval.Select(i => entries[i].Value.Mean).ToList(),
                withInterval.Select(_ => 0.0).ToList());
            errors.YErrorNegative = withInterval.Select(i => entries[i].Value.Mean - entries[i].Value.Low).ToList();
            errors.YErrorPositive = withInterval.Select(i => entries[i].Value.High - entries[i].Value.Mean).ToList();
            errors.LineWidth = 1.5f;
            errors.CapSize = 8;
            errors.Color = Colors.Black;
        }
        CategoryTicks.Set(plt, entries.Select(e => e.Label).ToList());
        plt.Axes.Margins(bottom: 0);
        plt.HideGrid();
    }
}
