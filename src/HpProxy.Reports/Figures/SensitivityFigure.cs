using System.Globalization;
using HpProxy.Core.Common;
using HpProxy.Reports.Model;
using ScottPlot;

namespace HpProxy.Reports.Figures;

/// <summary>Hyperparameter sensitivity: the normalised score of each configuration against one sampled
/// hyperparameter. Numbers spanning more than two decades go on a log10 axis (learning rates); choices are
/// categories with a small deterministic jitter so that overlapping points stay visible.</summary>
internal static class SensitivityFigure
{
    public static Plot? Create(ReportGroup group, string hp, IReadOnlyList<ConfigPoint> points, string footer)
    {
        var withValue = points.Where(p => p.Hyperparameters.ContainsKey(hp) && double.IsFinite(p.Score)).ToList();
        if (withValue.Count == 0) return null;
        bool numeric = withValue.All(p => p.Hyperparameters[hp].Number.HasValue);
        double[] xs;
        string xLabel = hp;
        string[]? categories = null;
        if (numeric)
        {
            xs = withValue.Select(p => p.Hyperparameters[hp].Number!.Value).ToArray();
            if (xs.Min() > 0 && xs.Max() / xs.Min() > 100)
            {
                xs = xs.Select(Math.Log10).ToArray();
                xLabel = $"log10({hp})";
            }
        }
        else
        {
            categories = withValue.Select(p => p.Hyperparameters[hp].ToString()).Distinct().Order(StringComparer.Ordinal).ToArray();
            var cats = categories;
            xs = withValue.Select(p => Array.IndexOf(cats, p.Hyperparameters[hp].ToString()) + Jitter(p.ConfigId)).ToArray();
        }
        var plt = FigureStyle.Create($"{group}: sensitivity to {hp}", xLabel, "normalised score (0 = random, 1 = expert)", footer);
        var scatter = plt.Add.ScatterPoints(xs, withValue.Select(p => p.Score).ToArray(), FigureStyle.Series(0));
        scatter.MarkerSize = 8;
        if (categories is not null)
        {
            plt.Axes.Bottom.SetTicks(Enumerable.Range(0, categories.Length).Select(i => (double)i).ToArray(), categories);
            plt.Axes.SetLimitsX(-0.5, categories.Length - 0.5);
        }
        return plt;
    }

    /// <summary>±0.15 from a stable hash of the configuration id (no random generator: same input, same figure).</summary>
    private static double Jitter(string configId) =>
        ((StableHash.Fnv1a64(configId) % 1000) / 1000.0 - 0.5) * 0.3;

    public static string Describe(string hp, int configurations) =>
        string.Create(CultureInfo.InvariantCulture, $"Normalised score of each of {configurations} configurations against {hp}.");
}
