using HpProxy.Core.Proxies;

namespace HpProxy.Core.Analysis;

/// <summary>
/// Winner's curse (SPEC.md §6), from stored rows: a group's seeds are split into a selection half (even
/// positions in ascending seed order) and a fresh half (odd positions). Configurations are selected on the
/// selection seeds — by the proxy, and by the oracle — with the selection simulator at budget K, and the pick is
/// scored on both halves. The drop from the selection-seed score to the fresh-seed score is the optimism of
/// selecting on noisy evaluations (largest for the oracle pick, which selects on the very numbers it reports).
/// Needs at least two seeds; configurations without a run in each half are left out.
/// </summary>
public static class WinnersCurseAnalysis
{
    public static IEnumerable<WinnersCurseResult> Evaluate(AnalysisGroup group, IReadOnlyList<CheckpointRow> groupRows,
        IReadOnlyList<KeyValuePair<string, ProxyDirection>> proxies, AnalysisSettings settings)
    {
        var seeds = groupRows.Select(r => r.Seed).Distinct().Order().ToArray();
        if (seeds.Length < 2) yield break;
        var selectionSeeds = seeds.Where((_, i) => i % 2 == 0).ToHashSet();
        var names = proxies.Select(p => p.Key).ToArray();
        var selection = ConfigurationTable.Build(groupRows.Where(r => selectionSeeds.Contains(r.Seed)).ToList(), names, settings.Oracle);
        var fresh = ConfigurationTable.Build(groupRows.Where(r => !selectionSeeds.Contains(r.Seed)).ToList(), names, settings.Oracle)
            .ToDictionary(c => c.ConfigId, StringComparer.Ordinal);
        var pool = selection.Where(c => fresh.ContainsKey(c.ConfigId)).ToList();
        if (pool.Count == 0) yield break;

        var selectionOracle = ConfigurationTable.OracleColumn(pool);
        var freshOracle = pool.Select(c => fresh[c.ConfigId].Oracle).ToArray();
        int k = Math.Min(settings.Budget, pool.Count);
        var subsets = SelectionSimulator.DrawSubsets(pool.Count, k, settings.Resamples,
            new Common.SeedStreams(settings.Seed).Child("winners_curse").Child(group.ToString()).Create("K=" + k.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var (oracleSelection, oracleFresh) = Score(selectionOracle, selectionOracle, freshOracle, subsets);
        foreach (var (proxy, direction) in proxies)
        {
            var oriented = ConfigurationTable.OrientedColumn(pool, proxy, direction);
            if (oriented.All(double.IsNaN)) continue; // no value in this group (imitation_return for BC): it picks nothing
            var (proxySelection, proxyFresh) = Score(oriented, selectionOracle, freshOracle, subsets);
            yield return new WinnersCurseResult(group.Task, group.Demonstrations, group.Algorithm, proxy, k, pool.Count,
                selectionSeeds.Count, seeds.Length - selectionSeeds.Count, proxySelection, proxyFresh, oracleSelection, oracleFresh);
        }
    }

    private static (double Selection, double Fresh) Score(double[] by, double[] selectionOracle, double[] freshOracle, int[][] subsets)
    {
        double s = 0, f = 0;
        foreach (var subset in subsets)
        {
            int pick = SelectionSimulator.PickBest(by, subset);
            s += selectionOracle[pick];
            f += freshOracle[pick];
        }
        return (s / subsets.Length, f / subsets.Length);
    }
}
