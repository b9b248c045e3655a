using HpProxy.Core.Proxies;

namespace HpProxy.Core.Analysis;

/// <summary>
/// One configuration of a group, scored from its runs' last checkpoints: the oracle metric and every proxy,
/// each the mean over seeds (NaN values ignored; NaN when every seed is NaN).
/// </summary>
public sealed record ConfigurationScore(string ConfigId, double Oracle, IReadOnlyDictionary<string, double> Proxies, int Seeds);

/// <summary>Turns stored checkpoint rows into per-group configuration tables (SPEC.md §5: per configuration, mean over seeds).</summary>
public static class ConfigurationTable
{
    public static double OracleOf(CheckpointRow row, OracleMetric metric) =>
        metric == OracleMetric.NormalizedScore ? row.NormalizedScore : row.OracleReturn;

    /// <summary>A proxy value oriented so that higher is better: lower-is-better proxies are negated.</summary>
    public static double Oriented(double value, ProxyDirection direction) =>
        direction == ProxyDirection.LowerIsBetter ? -value : value;

    public static double ProxyOf(CheckpointRow row, string proxy) =>
        row.Proxies.TryGetValue(proxy, out double v) ? v : double.NaN;

    /// <summary>Rows grouped by (task, demonstrations, algorithm), in ordinal key order.</summary>
    public static IReadOnlyList<(AnalysisGroup Key, IReadOnlyList<CheckpointRow> Rows)> Groups(IEnumerable<CheckpointRow> rows) =>
        rows.GroupBy(r => new AnalysisGroup(r.Task, r.Demonstrations, r.Algorithm))
            .OrderBy(g => g.Key.Task, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Demonstrations, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Algorithm, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<CheckpointRow>)g.ToList()))
            .ToList();

    /// <summary>
    /// The row of each run with the highest checkpoint index. A run that failed early contributes its last
    /// stored checkpoint; the study records why it stopped.
    /// </summary>
    public static IReadOnlyList<CheckpointRow> LastCheckpoints(IEnumerable<CheckpointRow> rows) =>
        rows.GroupBy(r => r.RunId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(r => r.CheckpointIndex)!)
            .OrderBy(r => r.RunId, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Configurations of one group, sorted by configuration id (a fixed order, so resampling is reproducible).
    /// Configurations whose oracle score is NaN everywhere are left out: they cannot be judged.
    /// </summary>
    public static IReadOnlyList<ConfigurationScore> Build(IReadOnlyList<CheckpointRow> groupRows, IEnumerable<string> proxies, OracleMetric metric)
    {
        var names = proxies.ToArray();
        var result = new List<ConfigurationScore>();
        foreach (var config in LastCheckpoints(groupRows).GroupBy(r => r.ConfigId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var runs = config.ToArray();
            double oracle = Statistics.Mean(runs.Select(r => OracleOf(r, metric)).ToArray());
            if (double.IsNaN(oracle)) continue;
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (string p in names) values[p] = Statistics.Mean(runs.Select(r => ProxyOf(r, p)).ToArray());
            result.Add(new ConfigurationScore(config.Key, oracle, values, runs.Length));
        }
        return result;
    }

    /// <summary>Oriented proxy values of a configuration table, in table order.</summary>
    public static double[] OrientedColumn(IReadOnlyList<ConfigurationScore> table, string proxy, ProxyDirection direction) =>
        table.Select(c => Oriented(c.Proxies.TryGetValue(proxy, out double v) ? v : double.NaN, direction)).ToArray();

    public static double[] OracleColumn(IReadOnlyList<ConfigurationScore> table) => table.Select(c => c.Oracle).ToArray();
}
