using HpProxy.Core.Proxies;

namespace HpProxy.Core.Analysis;

/// <summary>
/// HP transfer (SPEC.md §6): configurations are matched across tasks by configuration id (a study that samples
/// one configuration list per algorithm shares ids across tasks). For a target (task, demonstrations,
/// algorithm) and each sibling task with the same demonstration-set name and algorithm, the oracle-best shared
/// configuration of the sibling is applied on the target and compared with in-situ proxy selection on the
/// target among the same shared configurations.
/// </summary>
public static class TransferAnalysis
{
    public static IEnumerable<TransferResult> Evaluate(AnalysisGroup target, IReadOnlyList<ConfigurationScore> targetTable,
        AnalysisGroup source, IReadOnlyList<ConfigurationScore> sourceTable, IReadOnlyDictionary<string, ProxyDirection> proxies)
    {
        var sourceById = sourceTable.ToDictionary(c => c.ConfigId, StringComparer.Ordinal);
        var shared = targetTable.Where(c => sourceById.ContainsKey(c.ConfigId)).ToList(); // target table order: by id
        if (shared.Count == 0) yield break;
        var all = Enumerable.Range(0, shared.Count).ToArray();
        var targetOracle = ConfigurationTable.OracleColumn(shared);
        var sourceOracle = shared.Select(c => sourceById[c.ConfigId].Oracle).ToArray();
        int transferred = SelectionSimulator.PickBest(sourceOracle, all);
        int oracleBest = SelectionSimulator.PickBest(targetOracle, all);
        foreach (var (proxy, direction) in proxies.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            int inSitu = SelectionSimulator.PickBest(ConfigurationTable.OrientedColumn(shared, proxy, direction), all);
            yield return new TransferResult(target.Task, target.Demonstrations, target.Algorithm, source.Task, proxy, shared.Count,
                shared[transferred].ConfigId, targetOracle[transferred], shared[inSitu].ConfigId, targetOracle[inSitu], targetOracle[oracleBest]);
        }
    }
}
