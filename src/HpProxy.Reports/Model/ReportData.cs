using HpProxy.Core.Analysis;
using HpProxy.Storage;

namespace HpProxy.Reports.Model;

/// <summary>The report's data preparation for other views (the dashboard's live scatter): the same configuration
/// points the report's scatter figures show.</summary>
public static class ReportData
{
    /// <summary>One point per configuration: succeeded runs only, last checkpoint, mean over seeds; hyperparameters
    /// read from the first run's spec.</summary>
    public static IReadOnlyList<ConfigPoint> ConfigurationPoints(IReadOnlyList<RunRecord> runs, IReadOnlyList<CheckpointRow> rows)
    {
        var succeeded = runs.Where(r => r.State == RunState.Succeeded).Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);
        var hyperparameters = new Dictionary<(ReportGroup, string), IReadOnlyDictionary<string, HpCell>>();
        foreach (var run in runs.OrderBy(r => r.RunId, StringComparer.Ordinal))
        {
            var key = (new ReportGroup(run.Task, run.Demonstrations, run.Algorithm), run.ConfigId);
            if (!hyperparameters.ContainsKey(key)) hyperparameters[key] = SpecHyperparameters.Read(run.SpecJson);
        }
        return ConfigurationAggregator.Aggregate(rows.Where(r => succeeded.Contains(r.RunId)).ToList(), hyperparameters);
    }
}
