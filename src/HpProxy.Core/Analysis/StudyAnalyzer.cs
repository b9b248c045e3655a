using HpProxy.Core.Proxies;

namespace HpProxy.Core.Analysis;

/// <summary>
/// The analysis of SPEC.md §6 over stored rows only: correlations, selection at budget K, budget curves, early
/// stopping, algorithm selection, HP transfer and the winner's curse (from a follow-up study, else a seed split). Pure and deterministic: same rows + settings = same numbers.
/// Configuration score = mean over seeds of each run's last checkpoint (<see cref="ConfigurationTable"/>);
/// proxies are oriented so that higher is better (lower-is-better proxies negated) before any ranking.
/// </summary>
public static class StudyAnalyzer
{
    public static StudyAnalysis Analyze(IReadOnlyList<CheckpointRow> rows, IReadOnlyDictionary<string, ProxyDirection> proxies, AnalysisSettings settings) =>
        Analyze(rows, proxies, settings, followUpRows: null);

    /// <param name="followUpRows">Rows of a follow-up study that re-ran each selector's pick on fresh seeds
    /// (<see cref="FollowUpSelection"/>); a group with follow-up rows gets the follow-up winner's curse
    /// (<see cref="FollowUpWinnersCurse"/>), any other group the seed split (<see cref="WinnersCurseAnalysis"/>).</param>
    public static StudyAnalysis Analyze(IReadOnlyList<CheckpointRow> rows, IReadOnlyDictionary<string, ProxyDirection> proxies, AnalysisSettings settings,
        IReadOnlyList<CheckpointRow>? followUpRows)
    {
        var errors = settings.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(settings));
        var proxyList = proxies.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        var groups = ConfigurationTable.Groups(rows);
        var followUp = followUpRows is null ? [] : ConfigurationTable.Groups(followUpRows).ToDictionary(g => g.Key, g => g.Rows);
        var tables = new Dictionary<AnalysisGroup, IReadOnlyList<ConfigurationScore>>();
        var summaries = new List<GroupSummary>();
        var correlations = new List<CorrelationResult>();
        var selections = new List<SelectionResult>();
        var curves = new List<BudgetPoint>();
        var earlyStopping = new List<EarlyStoppingResult>();
        var winnersCurse = new List<WinnersCurseResult>();

        foreach (var (key, groupRows) in groups)
        {
            var table = ConfigurationTable.Build(groupRows, proxies.Keys, settings.Oracle);
            tables[key] = table;
            summaries.Add(new GroupSummary(key.Task, key.Demonstrations, key.Algorithm, table.Count,
                groupRows.Select(r => r.RunId).Distinct(StringComparer.Ordinal).Count(), groupRows.Count));
            foreach (var (proxy, direction) in proxyList)
            {
                correlations.Add(CorrelationAnalysis.Correlate(key, proxy, direction, table, settings));
                earlyStopping.Add(EarlyStoppingAnalysis.Evaluate(key, proxy, direction, groupRows, settings.Oracle));
            }
            winnersCurse.AddRange(followUp.TryGetValue(key, out var followUpGroupRows)
                ? FollowUpWinnersCurse.Evaluate(key, table, followUpGroupRows, proxyList, settings)
                : WinnersCurseAnalysis.Evaluate(key, groupRows, proxyList, settings));
            if (table.Count == 0) continue;

            var oracle = ConfigurationTable.OracleColumn(table);
            var oriented = proxyList.ToDictionary(p => p.Key, p => ConfigurationTable.OrientedColumn(table, p.Key, p.Value));
            int budget = Math.Min(settings.Budget, table.Count);
            var budgets = SelectionSimulator.CappedBudgets(settings.BudgetCurve.Append(budget), table.Count);
            foreach (int k in budgets)
            {
                var subsets = SelectionSimulator.GroupDraws(key, table.Count, k, settings);
                foreach (var (proxy, _) in proxyList)
                {
                    // A proxy that does not apply to this algorithm (imitation_return for BC) has no value at all:
                    // it picks nothing, rather than an arbitrary configuration.
                    if (oriented[proxy].All(double.IsNaN)) continue;
                    var draws = SelectionSimulator.Simulate(oriented[proxy], oracle, subsets);
                    var s = SelectionSimulator.Summarize(key, proxy, draws, settings);
                    if (k == budget) selections.Add(s);
                    if (settings.BudgetCurve.Any(c => Math.Clamp(c, 1, table.Count) == k))
                        curves.Add(new BudgetPoint(key.Task, key.Demonstrations, key.Algorithm, proxy, k, table.Count,
                            s.ProxyMean, s.ProxyLow, s.ProxyHigh, s.OracleMean, s.RandomMean, s.RegretMean));
                }
            }
        }

        var algorithmSelection = new List<AlgorithmSelectionResult>();
        foreach (var byTaskDemos in tables.OrderBy(t => t.Key.Algorithm, StringComparer.Ordinal).GroupBy(t => (t.Key.Task, t.Key.Demonstrations))
                     .OrderBy(g => g.Key.Task, StringComparer.Ordinal).ThenBy(g => g.Key.Demonstrations, StringComparer.Ordinal))
        {
            var algorithmTables = byTaskDemos.Select(t => (t.Key.Algorithm, t.Value)).ToList();
            if (algorithmTables.Count < 2) continue;
            foreach (var (proxy, direction) in proxyList)
            {
                var r = AlgorithmSelectionAnalysis.Evaluate(byTaskDemos.Key.Task, byTaskDemos.Key.Demonstrations, proxy, direction, algorithmTables);
                if (r is not null) algorithmSelection.Add(r);
            }
        }

        var transfer = new List<TransferResult>();
        var proxyDictionary = proxyList.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var keys = groups.Select(g => g.Key).ToArray(); // ordinal order, not dictionary order
        foreach (var target in keys)
        {
            foreach (var source in keys)
            {
                if (source.Task == target.Task || source.Demonstrations != target.Demonstrations || source.Algorithm != target.Algorithm) continue;
                transfer.AddRange(TransferAnalysis.Evaluate(target, tables[target], source, tables[source], proxyDictionary));
            }
        }

        return new StudyAnalysis(settings, proxyDictionary, summaries, correlations, selections, curves, earlyStopping,
            algorithmSelection, transfer, winnersCurse);
    }
}
