using HpProxy.Core.Analysis;

namespace HpProxy.Reports.Model;

/// <summary>Turns stored checkpoint rows into one point per configuration: the last checkpoint of each run, then
/// the mean over seeds (SPEC.md §5). NaN proxies (a proxy that does not apply) are left out of the mean.</summary>
internal static class ConfigurationAggregator
{
    public static List<ConfigPoint> Aggregate(
        IReadOnlyList<CheckpointRow> rows,
        IReadOnlyDictionary<(ReportGroup Group, string ConfigId), IReadOnlyDictionary<string, HpCell>> hyperparameters)
    {
        var lastPerRun = rows.GroupBy(r => r.RunId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(r => r.CheckpointIndex)!);
        var points = new List<ConfigPoint>();
        foreach (var config in lastPerRun.GroupBy(r => (Group: new ReportGroup(r.Task, r.Demonstrations, r.Algorithm), r.ConfigId)))
        {
            var runs = config.OrderBy(r => r.Seed).ToList();
            var proxies = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (string name in runs.SelectMany(r => r.Proxies.Keys).Distinct())
            {
                proxies[name] = Means.Finite(runs.Select(r => r.Proxies.TryGetValue(name, out double v) ? v : double.NaN));
            }
            var hps = hyperparameters.TryGetValue(config.Key, out var h) ? h : new SortedDictionary<string, HpCell>();
            points.Add(new ConfigPoint(config.Key.Group, config.Key.ConfigId, runs.Count, runs.Average(r => r.NormalizedScore), proxies, hps));
        }
        points.Sort((a, b) => a.Group.CompareTo(b.Group) is int c && c != 0 ? c : string.CompareOrdinal(a.ConfigId, b.ConfigId));
        return points;
    }
}
