using System.Globalization;

namespace HpProxy.Reports.Model;

/// <summary>
/// The report's answer in words (SPEC.md §1): for each algorithm and demonstration set, which proxy ranks
/// configurations most like the oracle, by Spearman ρ averaged over tasks, with its numbers and the runner-up.
/// </summary>
internal static class Headline
{
    public static List<string> Build(IReadOnlyList<CorrelationView> correlations)
    {
        var lines = new List<string>();
        var regimes = correlations.GroupBy(c => (c.Group.Algorithm, c.Group.Demonstrations))
            .OrderBy(g => g.Key.Algorithm, StringComparer.Ordinal).ThenBy(g => g.Key.Demonstrations, StringComparer.Ordinal);
        foreach (var regime in regimes)
        {
            var ranked = regime.Where(c => double.IsFinite(c.Spearman)).GroupBy(c => c.Proxy)
                .Select(p => (Proxy: p.Key, Items: p.OrderBy(c => c.Group).ToList(), Rho: p.Average(c => c.Spearman), Tau: MeanFinite(p.Select(c => c.Kendall))))
                .OrderByDescending(p => p.Rho).ThenBy(p => p.Proxy, StringComparer.Ordinal).ToList();
            string who = $"{regime.Key.Algorithm} with {regime.Key.Demonstrations} demonstrations";
            if (ranked.Count == 0)
            {
                lines.Add($"{who}: no proxy could be correlated with the oracle (too few succeeded configurations).");
                continue;
            }
            var best = ranked[0];
            string line = $"{who}: {best.Proxy} correlates best with the oracle, " + Numbers(best.Items, best.Rho, best.Tau);
            if (ranked.Count > 1) line += $"; next is {ranked[1].Proxy} (ρ = {F(ranked[1].Rho)})";
            if (ranked.Count > 2) line += $"; weakest is {ranked[^1].Proxy} (ρ = {F(ranked[^1].Rho)})";
            lines.Add(line + ".");
        }
        return lines;
    }

    private static string Numbers(List<CorrelationView> items, double rho, double tau)
    {
        if (items.Count == 1)
        {
            var c = items[0];
            return $"Spearman ρ = {F(c.Spearman)} [5–95% {F(c.SpearmanLow)}, {F(c.SpearmanHigh)}], Kendall τ = {F(c.Kendall)} " +
                   $"[{F(c.KendallLow)}, {F(c.KendallHigh)}] over {c.N} configurations on {c.Group.Task}";
        }
        return $"mean Spearman ρ = {F(rho)} and Kendall τ = {F(tau)} over {items.Count} tasks " +
               $"(ρ from {F(items.Min(c => c.Spearman))} to {F(items.Max(c => c.Spearman))}, {items.Sum(c => c.N)} configurations)";
    }

    private static double MeanFinite(IEnumerable<double> values) => Means.Finite(values);

    internal static string F(double v) => double.IsFinite(v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
