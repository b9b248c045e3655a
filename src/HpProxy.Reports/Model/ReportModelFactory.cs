using HpProxy.Core.Analysis;
using HpProxy.Reports.Analysis;
using HpProxy.Storage;

namespace HpProxy.Reports.Model;

/// <summary>Reads the study store and computes the <see cref="ReportModel"/>. Only succeeded runs enter the
/// statistics (a failed run's last stored checkpoint is not its final one); failures are counted and listed.</summary>
public static class ReportModelFactory
{
    public static ReportModel Create(IStudyStore store, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var study = store.GetStudy();
        var runs = store.GetRuns().OrderBy(r => r.RunId, StringComparer.Ordinal).ToList();
        var succeeded = runs.Where(r => r.State == RunState.Succeeded).Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);
        var allRows = store.GetCheckpoints();
        var rows = allRows.Where(r => succeeded.Contains(r.RunId))
            .OrderBy(r => r.RunId, StringComparer.Ordinal).ThenBy(r => r.CheckpointIndex).ToList();

        var points = ReportData.ConfigurationPoints(runs, rows);
        var (directions, unknown) = ProxyDirections.Resolve(rows.SelectMany(r => r.Proxies.Keys), options.ProxyDirections);
        var analysis = AnalysisSource.Compute(rows, directions, options);

        var byState = Enum.GetValues<RunState>().ToDictionary(s => s, s => runs.Count(r => r.State == s));
        var provenance = new Provenance(
            study?.Name ?? "(unnamed study)",
            study?.FileHash ?? "",
            string.IsNullOrWhiteSpace(options.CodeVersion) ? study?.CodeVersion ?? "unknown" : options.CodeVersion,
            study?.CodeVersion ?? "unknown",
            byState,
            runs.Select(r => r.Seed).Distinct().Order().ToList(),
            runs.Select(r => (r.Task, r.Demonstrations, r.Algorithm, r.ConfigId)).Distinct().Count(),
            allRows.Count);
        var failures = runs.Where(r => r.State == RunState.Failed)
            .Select(r => new FailureView(new ReportGroup(r.Task, r.Demonstrations, r.Algorithm), r.RunId, r.ConfigId, r.Seed, r.Attempts,
                string.IsNullOrWhiteSpace(r.Error) ? "(no reason recorded)" : r.Error))
            .OrderBy(f => f.Group).ThenBy(f => f.ConfigId, StringComparer.Ordinal).ThenBy(f => f.Seed).ThenBy(f => f.RunId, StringComparer.Ordinal)
            .ToList();
        return new ReportModel(provenance, options, directions, unknown, points, analysis, failures, Headline.Build(analysis.Correlations));
    }
}
