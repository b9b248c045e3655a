using HpProxy.Core.Proxies;

namespace HpProxy.Core.Analysis;

/// <summary>
/// Algorithm selection (SPEC.md §6): per (task, demonstrations), each algorithm contributes the configuration its
/// proxy rates best (over all its configurations); the algorithm whose contribution has the best proxy value is
/// chosen. The paper's finding to reproduce: action MSE always favours BC, which minimises exactly that.
/// </summary>
public static class AlgorithmSelectionAnalysis
{
    /// <param name="tables">Configuration tables of the algorithms of one (task, demonstrations).</param>
    public static AlgorithmSelectionResult? Evaluate(string task, string demonstrations, string proxy, ProxyDirection direction,
        IReadOnlyList<(string Algorithm, IReadOnlyList<ConfigurationScore> Table)> tables)
    {
        var candidates = new List<AlgorithmCandidate>();
        var orientedValues = new List<double>();
        foreach (var (algorithm, table) in tables.OrderBy(t => t.Algorithm, StringComparer.Ordinal))
        {
            if (table.Count == 0) continue;
            var oriented = ConfigurationTable.OrientedColumn(table, proxy, direction);
            var oracle = ConfigurationTable.OracleColumn(table);
            var all = Enumerable.Range(0, table.Count).ToArray();
            int pick = SelectionSimulator.PickBest(oriented, all);
            int oraclePick = SelectionSimulator.PickBest(oracle, all);
            candidates.Add(new AlgorithmCandidate(algorithm, table[pick].ConfigId,
                table[pick].Proxies.TryGetValue(proxy, out double raw) ? raw : double.NaN, oracle[pick], oracle[oraclePick]));
            orientedValues.Add(oriented[pick]);
        }
        if (candidates.Count == 0 || orientedValues.All(double.IsNaN)) return null;
        var indices = Enumerable.Range(0, candidates.Count).ToArray();
        var chosen = candidates[SelectionSimulator.PickBest(orientedValues.ToArray(), indices)];
        var oracleChoice = candidates[SelectionSimulator.PickBest(candidates.Select(c => c.OracleBestScore).ToArray(), indices)];
        return new AlgorithmSelectionResult(task, demonstrations, proxy, chosen.Algorithm, chosen.Score,
            oracleChoice.Algorithm, oracleChoice.OracleBestScore, candidates);
    }
}
