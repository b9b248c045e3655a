using HpProxy.Core.Proxies;

namespace HpProxy.Core.Analysis;

/// <summary>
/// The configuration a selector (a proxy, or the oracle) chooses over a group's whole pool: what a practitioner who
/// trained every configuration would keep. The winner's-curse follow-up (SPEC.md §6) re-runs exactly these picks on
/// fresh seeds, and <see cref="FollowUpWinnersCurse"/> recomputes them the same way to find the re-runs.
/// Ties and NaN follow <see cref="SelectionSimulator.PickBest"/>; the pool is the configuration table (sorted by id).
/// </summary>
public static class FollowUpSelection
{
    /// <summary>The selector name of the oracle's own pick (no proxy has this name).</summary>
    public const string Oracle = "oracle";

    /// <summary>Every group's picks: one per proxy (sorted by name), then the oracle's; groups in ordinal order.</summary>
    public static IReadOnlyList<FollowUpPick> Picks(IReadOnlyList<CheckpointRow> rows, IReadOnlyDictionary<string, ProxyDirection> proxies, OracleMetric metric)
    {
        var picks = new List<FollowUpPick>();
        foreach (var (key, groupRows) in ConfigurationTable.Groups(rows))
        {
            var table = ConfigurationTable.Build(groupRows, proxies.Keys, metric);
            picks.AddRange(Picks(key, table, proxies));
        }
        return picks;
    }

    /// <summary>One group's picks over its configuration table (none when the table is empty). A proxy with no value
    /// in the group (imitation_return for BC, which has no learned reward) picks nothing: re-running an arbitrary
    /// configuration under its name would cost runs and report a pick no practitioner could have made.</summary>
    public static IEnumerable<FollowUpPick> Picks(AnalysisGroup group, IReadOnlyList<ConfigurationScore> table, IReadOnlyDictionary<string, ProxyDirection> proxies)
    {
        if (table.Count == 0) yield break;
        foreach (var (proxy, direction) in proxies.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var column = ConfigurationTable.OrientedColumn(table, proxy, direction);
            if (column.All(double.IsNaN)) continue;
            yield return Pick(group, table, proxy, column);
        }
        yield return Pick(group, table, Oracle, ConfigurationTable.OracleColumn(table));
    }

    private static FollowUpPick Pick(AnalysisGroup group, IReadOnlyList<ConfigurationScore> table, string selector, double[] scores)
    {
        int pick = SelectionSimulator.PickBest(scores, Enumerable.Range(0, table.Count).ToArray());
        var c = table[pick];
        return new FollowUpPick(group.Task, group.Demonstrations, group.Algorithm, selector, c.ConfigId, c.Oracle, c.Seeds, table.Count);
    }
}

/// <summary>The configuration <paramref name="Selector"/> (a proxy name or <see cref="FollowUpSelection.Oracle"/>) picks
/// over the whole pool of a group, with its oracle score on the seeds it was selected on.</summary>
/// <param name="Score">Oracle metric of the pick, mean over its <paramref name="Seeds"/> selection seeds.</param>
/// <param name="Pool">Configurations in the group's pool.</param>
public sealed record FollowUpPick(string Task, string Demonstrations, string Algorithm, string Selector, string ConfigId, double Score, int Seeds, int Pool);
