using HpProxy.Core.Proxies;

namespace HpProxy.Core.Analysis;

/// <summary>
/// Winner's curse (SPEC.md §6) from a follow-up study: each proxy's pick over the whole pool (and the oracle's,
/// <see cref="FollowUpSelection"/>) is scored on the seeds it was selected on (the original study) and on the fresh
/// seeds of the follow-up study, which re-ran the same configuration ids. The drop is the optimism of selecting on
/// noisy evaluations; the oracle pick, chosen on the very numbers it reports, shows it most.
/// A pick the follow-up did not re-run (e.g. the analysis now uses other proxies or another oracle column) scores
/// NaN on fresh seeds.
/// </summary>
public static class FollowUpWinnersCurse
{
    public static IEnumerable<WinnersCurseResult> Evaluate(AnalysisGroup group, IReadOnlyList<ConfigurationScore> table,
        IReadOnlyList<CheckpointRow> followUpGroupRows, IReadOnlyList<KeyValuePair<string, ProxyDirection>> proxies, AnalysisSettings settings)
    {
        if (table.Count == 0) yield break;
        var directions = proxies.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var picks = FollowUpSelection.Picks(group, table, directions).ToDictionary(p => p.Selector, StringComparer.Ordinal);
        var fresh = ConfigurationTable.Build(followUpGroupRows, [], settings.Oracle).ToDictionary(c => c.ConfigId, StringComparer.Ordinal);
        int selectionSeeds = table.Max(c => c.Seeds);
        int freshSeeds = followUpGroupRows.Select(r => r.Seed).Distinct().Count();
        var oracle = picks[FollowUpSelection.Oracle];
        double oracleFresh = fresh.TryGetValue(oracle.ConfigId, out var o) ? o.Oracle : double.NaN;
        foreach (var (proxy, _) in proxies)
        {
            if (!picks.TryGetValue(proxy, out var pick)) continue; // no value in this group: it picked nothing
            double proxyFresh = fresh.TryGetValue(pick.ConfigId, out var f) ? f.Oracle : double.NaN;
            yield return new WinnersCurseResult(group.Task, group.Demonstrations, group.Algorithm, proxy, table.Count, table.Count,
                selectionSeeds, freshSeeds, pick.Score, proxyFresh, oracle.Score, oracleFresh)
            {
                Source = WinnersCurseSource.FollowUp,
                ProxyConfigId = pick.ConfigId,
                OracleConfigId = oracle.ConfigId,
            };
        }
    }
}
