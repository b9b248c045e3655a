using HpProxy.Core.Proxies;

namespace HpProxy.Core.Analysis;

/// <summary>
/// Early stopping (SPEC.md §6): within each run, choose the checkpoint with the best oriented proxy value
/// (NaN never chosen; among equal values the earliest checkpoint) and compare its oracle score with the last
/// checkpoint's and with the oracle-best checkpoint's (the upper bound).
/// </summary>
public static class EarlyStoppingAnalysis
{
    public static EarlyStoppingResult Evaluate(AnalysisGroup group, string proxy, ProxyDirection direction,
        IReadOnlyList<CheckpointRow> groupRows, OracleMetric metric)
    {
        var chosen = new List<double>();
        var last = new List<double>();
        var best = new List<double>();
        foreach (var run in groupRows.GroupBy(r => r.RunId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var checkpoints = run.OrderBy(r => r.CheckpointIndex).ToArray();
            var scores = checkpoints.Select(r => ConfigurationTable.OracleOf(r, metric)).ToArray();
            var proxyValues = checkpoints.Select(r => ConfigurationTable.Oriented(ConfigurationTable.ProxyOf(r, proxy), direction)).ToArray();
            if (proxyValues.All(double.IsNaN)) continue;
            var all = Enumerable.Range(0, checkpoints.Length).ToArray();
            chosen.Add(scores[SelectionSimulator.PickBest(proxyValues, all)]);
            last.Add(scores[^1]);
            best.Add(scores[SelectionSimulator.PickBest(scores, all)]);
        }
        return new EarlyStoppingResult(group.Task, group.Demonstrations, group.Algorithm, proxy, chosen.Count,
            Statistics.Mean(chosen.ToArray()), Statistics.Mean(last.ToArray()), Statistics.Mean(best.ToArray()));
    }
}
