using HpProxy.Core.Analysis;
using HpProxy.Reports.Analysis;
using HpProxy.Storage;

namespace HpProxy.Reports.Model;

/// <summary>Reads the study store and computes the <see cref="ReportModel"/>. Only succeeded runs enter the
/// statistics (a failed run's last stored checkpoint is not its final one); failures are counted and listed.</summary>
public static class ReportModelFactory
{
    public static ReportModel Create(IStudyStore store, ReportOptions options) => Create(store, options, followUp: null);

    /// <param name="followUp">The winner's-curse follow-up study (<c>hpproxy analyze --follow-up</c>), whose
    /// succeeded runs give the fresh-seed scores; null falls back to the seed split.</param>
    public static ReportModel Create(IStudyStore store, ReportOptions options, IStudyStore? followUp)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var study = store.GetStudy();
        var runs = store.GetRuns().OrderBy(r => r.RunId, StringComparer.Ordinal).ToList();
        var allRows = store.GetCheckpoints();
        var rows = SucceededRows(runs, allRows, options.Proxies);
        var followUpRows = followUp is null ? null : SucceededRows(followUp.GetRuns(), followUp.GetCheckpoints(), options.Proxies);

        var points = ReportData.ConfigurationPoints(runs, rows);
        var (directions, unknown) = ProxyDirections.Resolve(rows.SelectMany(r => r.Proxies.Keys), options.ProxyDirections);
        var (analysis, raw) = AnalysisSource.Compute(rows, directions, options, followUpRows);

        var byState = Enum.GetValues<RunState>().ToDictionary(s => s, s => runs.Count(r => r.State == s));
        var provenance = new Provenance(
            study?.Name ?? "(unnamed study)",
            study?.FileHash ?? "",
            string.IsNullOrWhiteSpace(options.CodeVersion) ? study?.CodeVersion ?? "unknown" : options.CodeVersion,
            study?.CodeVersion ?? "unknown",
            byState,
            runs.Select(r => r.Seed).Distinct().Order().ToList(),
            runs.Select(r => (r.Task, r.Demonstrations, r.Algorithm, r.ConfigId)).Distinct().Count(),
            allRows.Count,
            runs.Where(r => r.State is RunState.Succeeded or RunState.Failed)
                .GroupBy(r => r.CodeVersion ?? "not recorded")
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal))
        {
            RecordedConfigurations = runs.Count(r => r.ResolvedHyperparameters is not null),
            DefaultsDrift = RunDefaultsCheck.Find(runs),
        };
        var failures = runs.Where(r => r.State == RunState.Failed)
            .Select(r => new FailureView(new ReportGroup(r.Task, r.Demonstrations, r.Algorithm), r.RunId, r.ConfigId, r.Seed, r.Attempts,
                string.IsNullOrWhiteSpace(r.Error) ? "(no reason recorded)" : r.Error))
            .OrderBy(f => f.Group).ThenBy(f => f.ConfigId, StringComparer.Ordinal).ThenBy(f => f.Seed).ThenBy(f => f.RunId, StringComparer.Ordinal)
            .ToList();
        return new ReportModel(provenance, options, directions, unknown, points, analysis, failures, Headline.Build(analysis.Correlations))
        {
            Raw = raw,
            // Named only when some group actually used the follow-up's fresh seeds (an empty follow-up changes nothing).
            FollowUpStudy = followUp is not null && raw.WinnersCurse.Any(w => w.Source == WinnersCurseSource.FollowUp)
                ? followUp.GetStudy()?.Name ?? "(unnamed follow-up)"
                : null,
        };
    }

    /// <summary>What the analysis of a report reads: succeeded rows (only <see cref="ReportOptions.Proxies"/> when
    /// given) and the direction of each proxy in them. <c>hpproxy analyze --follow-up</c> picks configurations from
    /// exactly these, as the report's winner's curse does.</summary>
    public static (IReadOnlyList<CheckpointRow> Rows, IReadOnlyDictionary<string, Core.Proxies.ProxyDirection> Directions) AnalysisRows(IStudyStore store, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var rows = SucceededRows(store.GetRuns(), store.GetCheckpoints(), options.Proxies);
        return (rows, ProxyDirections.Resolve(rows.SelectMany(r => r.Proxies.Keys), options.ProxyDirections).Directions);
    }

    /// <summary>The proxies found in a study's stored rows (what <see cref="ReportOptions.Proxies"/> may name).</summary>
    public static IReadOnlyList<string> ProxiesIn(IStudyStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return [.. store.GetCheckpoints().SelectMany(r => r.Proxies.Keys).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Rows of succeeded runs in a fixed order, with only the chosen proxies (all when null).</summary>
    private static List<CheckpointRow> SucceededRows(IReadOnlyList<RunRecord> runs, IReadOnlyList<CheckpointRow> allRows, IReadOnlyList<string>? proxies)
    {
        var succeeded = runs.Where(r => r.State == RunState.Succeeded).Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);
        var rows = allRows.Where(r => succeeded.Contains(r.RunId))
            .OrderBy(r => r.RunId, StringComparer.Ordinal).ThenBy(r => r.CheckpointIndex).ToList();
        if (proxies is null) return rows;
        var present = allRows.SelectMany(r => r.Proxies.Keys).ToHashSet(StringComparer.Ordinal);
        var missing = proxies.Where(p => !present.Contains(p)).ToList();
        if (missing.Count > 0) throw new ArgumentException($"no stored values for proxy {string.Join(", ", missing)}");
        var keep = proxies.ToHashSet(StringComparer.Ordinal);
        return [.. rows.Select(r => r with { Proxies = r.Proxies.Where(kv => keep.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal) })];
    }
}
