using HpProxy.Core.Analysis;
using HpProxy.Core.Proxies;
using HpProxy.Reports.Model;

namespace HpProxy.Reports.Analysis;

/// <summary>
/// The one place where the report meets the statistics (<see cref="StudyAnalyzer"/>, SPEC.md §6). Figures, tables
/// and the headline read only <see cref="AnalysisViews"/>, so a change in the analysis's records touches this file.
/// </summary>
internal static class AnalysisSource
{
    public static AnalysisSettings Settings(ReportOptions options) => options.EffectiveSettings();

    /// <param name="rows">Checkpoint rows of succeeded runs.</param>
    /// <param name="directions">Direction of every proxy present in the rows.</param>
    /// <param name="followUpRows">Succeeded rows of the winner's-curse follow-up study, if any.</param>
    public static (AnalysisViews Views, StudyAnalysis Raw) Compute(IReadOnlyList<CheckpointRow> rows, IReadOnlyDictionary<string, ProxyDirection> directions,
        ReportOptions options, IReadOnlyList<CheckpointRow>? followUpRows = null)
    {
        var a = StudyAnalyzer.Analyze(rows, directions, Settings(options), followUpRows);
        return (Views(a, directions), a);
    }

    private static AnalysisViews Views(StudyAnalysis a, IReadOnlyDictionary<string, ProxyDirection> directions)
    {
        static ReportGroup G(string task, string demonstrations, string algorithm) => new(task, demonstrations, algorithm);
        static Interval Mean(double mean) => new(mean, double.NaN, double.NaN);
        return new AnalysisViews(
            a.Correlations.Where(c => c.N > 0)
                .Select(c => new CorrelationView(G(c.Task, c.Demonstrations, c.Algorithm), c.Proxy, directions[c.Proxy],
                    c.Spearman, c.SpearmanLow, c.SpearmanHigh, c.Kendall, c.KendallLow, c.KendallHigh, c.N))
                .OrderBy(c => c.Group).ThenBy(c => c.Proxy, StringComparer.Ordinal).ToList(),
            a.Selections.Where(s => s.N > 0)
                .Select(s => new SelectionView(G(s.Task, s.Demonstrations, s.Algorithm), s.Proxy, s.K, s.N,
                    new Interval(s.ProxyMean, s.ProxyLow, s.ProxyHigh), new Interval(s.OracleMean, s.OracleLow, s.OracleHigh),
                    new Interval(s.RandomMean, s.RandomLow, s.RandomHigh)))
                .OrderBy(s => s.Group).ThenBy(s => s.Proxy, StringComparer.Ordinal).ToList(),
            a.BudgetCurves
                .Select(b => new BudgetPointView(G(b.Task, b.Demonstrations, b.Algorithm), b.Proxy, b.K,
                    new Interval(b.ProxyMean, b.ProxyLow, b.ProxyHigh), Mean(b.OracleMean), Mean(b.RandomMean)))
                .OrderBy(b => b.Group).ThenBy(b => b.Proxy, StringComparer.Ordinal).ThenBy(b => b.K).ToList(),
            a.EarlyStopping.Where(e => e.Runs > 0)
                .Select(e => new EarlyStoppingView(G(e.Task, e.Demonstrations, e.Algorithm), e.Proxy, e.LastCheckpointMean,
                    e.ProxyCheckpointMean, e.OracleCheckpointMean, e.Runs))
                .OrderBy(e => e.Group).ThenBy(e => e.Proxy, StringComparer.Ordinal).ToList(),
            a.AlgorithmSelection
                .Select(r => new AlgorithmSelectionView(r.Task, r.Demonstrations, r.Proxy, r.ChosenAlgorithm, r.ChosenScore, r.OracleAlgorithm, r.OracleScore))
                .OrderBy(r => r.Task, StringComparer.Ordinal).ThenBy(r => r.Demonstrations, StringComparer.Ordinal).ThenBy(r => r.Proxy, StringComparer.Ordinal).ToList(),
            a.Transfer
                .Select(t => new TransferView(G(t.Task, t.Demonstrations, t.Algorithm), t.SourceTask, t.Proxy, t.SharedConfigurations,
                    t.TransferScore, t.InSituScore, t.OracleScore))
                .OrderBy(t => t.Group).ThenBy(t => t.SourceTask, StringComparer.Ordinal).ThenBy(t => t.Proxy, StringComparer.Ordinal).ToList())
        {
            WinnersCurse = a.WinnersCurse
                .Select(w => new WinnersCurseView(G(w.Task, w.Demonstrations, w.Algorithm), w.Proxy, w.Source == WinnersCurseSource.FollowUp, w.K, w.N,
                    w.SelectionSeeds, w.FreshSeeds, w.ProxySelectionScore, w.ProxyFreshScore, w.OracleSelectionScore, w.OracleFreshScore, w.ProxyConfigId, w.OracleConfigId))
                .OrderBy(w => w.Group).ThenBy(w => w.Proxy, StringComparer.Ordinal).ToList(),
        };
    }
}
