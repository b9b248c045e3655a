using System.Globalization;
using System.Text;
using HpProxy.Core.Analysis;
using HpProxy.Storage;

namespace HpProxy.Cli.Output;

/// <summary>
/// What <c>hpproxy analyze</c> prints: per (task, demonstrations, algorithm) group, each proxy's rank correlation with
/// the oracle (Spearman, Kendall, 5–95% bootstrap intervals) and its selection at budget K (pick, regret, 5–95% over
/// draws) next to the oracle and random picks, the winner's curse, then the report's headline sentences.
/// </summary>
internal sealed record AnalysisSummary(string Study, StudyProgress Progress, StudyAnalysis Analysis, IReadOnlyList<string> Headline,
    string? FollowUpStudy, string ReportPath)
{
    public string ToText()
    {
        var s = Analysis.Settings;
        var w = new StringBuilder();
        Line(w, $"study {Study}: {Progress.Total} runs, {Progress.Succeeded} succeeded, {Progress.Failed} failed" +
            (Progress.Pending + Progress.Running > 0 ? $", {Progress.Pending + Progress.Running} unfinished" : ""));
        Line(w, $"analysis: K = {s.Budget}, B = {s.Resamples}, seed = {s.Seed}, budgets = {string.Join(", ", s.BudgetCurve.Select(Budget))}, " +
            $"interval = {Fixed(s.LowerQuantile, 2)}–{Fixed(s.UpperQuantile, 2)}, oracle = {(s.Oracle == OracleMetric.NormalizedScore ? "normalised score" : "raw return")}");
        Line(w, FollowUpStudy is null
            ? $"winner's curse: seed split (no follow-up study; write one with: hpproxy analyze {Study} --follow-up)"
            : $"winner's curse: fresh seeds from follow-up study {FollowUpStudy}" +
              (Analysis.WinnersCurse.Any(x => x.Source == WinnersCurseSource.SeedSplit) ? " for the groups it re-ran, seed split elsewhere" : ""));
        if (Analysis.Groups.Count == 0) Line(w, "no succeeded runs yet: nothing to analyse");

        int width = Math.Max("proxy".Length, Analysis.Proxies.Keys.Select(p => p.Length).DefaultIfEmpty(0).Max());
        foreach (var g in Analysis.Groups)
        {
            w.Append('\n');
            Line(w, $"{g.Task} / {g.Demonstrations} / {g.Algorithm}: {g.Configurations} configurations, {g.Runs} runs");
            bool Of(string task, string demonstrations, string algorithm) => task == g.Task && demonstrations == g.Demonstrations && algorithm == g.Algorithm;
            var selections = Analysis.Selections.Where(x => Of(x.Task, x.Demonstrations, x.Algorithm)).ToList();
            string k = selections.Count > 0 ? selections[0].K.ToString(CultureInfo.InvariantCulture) : "K";
            Line(w, $"  {"proxy".PadRight(width)}  {"Spearman ρ [5–95%]",-26}  {"Kendall τ [5–95%]",-26}  {$"pick at K={k} [5–95%]",-26}  regret [5–95%]");
            foreach (var c in Analysis.Correlations.Where(x => Of(x.Task, x.Demonstrations, x.Algorithm)))
            {
                var sel = selections.FirstOrDefault(x => x.Proxy == c.Proxy);
                Line(w, $"  {c.Proxy.PadRight(width)}  {Ci(c.Spearman, c.SpearmanLow, c.SpearmanHigh),-26}  {Ci(c.Kendall, c.KendallLow, c.KendallHigh),-26}  " +
                    (sel is null ? "n/a" : $"{Ci(sel.ProxyMean, sel.ProxyLow, sel.ProxyHigh),-26}  {Ci(sel.RegretMean, sel.RegretLow, sel.RegretHigh)}"));
            }
            if (selections.Count > 0)
            {
                var first = selections[0];
                Line(w, $"  oracle pick {Ci(first.OracleMean, first.OracleLow, first.OracleHigh)} · random pick {Ci(first.RandomMean, first.RandomLow, first.RandomHigh)} " +
                    $"(K = {first.K} of {first.N}, {first.Draws} draws)");
            }
            var curse = Analysis.WinnersCurse.Where(x => Of(x.Task, x.Demonstrations, x.Algorithm)).ToList();
            if (curse.Count > 0)
            {
                var c0 = curse[0];
                string how = c0.Source == WinnersCurseSource.FollowUp ? "follow-up, pick over the whole pool" : $"seed split, K = {c0.K}";
                Line(w, $"  winner's curse ({how}; {c0.SelectionSeeds} selection / {c0.FreshSeeds} fresh seeds; selection → fresh): " +
                    $"oracle pick {F(c0.OracleSelectionScore)} → {F(c0.OracleFreshScore)}; " +
                    string.Join("; ", curse.Select(x => $"{x.Proxy} {F(x.ProxySelectionScore)} → {F(x.ProxyFreshScore)}")));
            }
        }
        w.Append('\n');
        Line(w, "headline:");
        foreach (string h in Headline) Line(w, "  - " + h);
        if (Headline.Count == 0) Line(w, "  (nothing to correlate yet)");
        Line(w, $"report: {ReportPath}");
        return w.ToString();
    }

    /// <summary>Three decimals, invariant; "n/a" for NaN (e.g. a correlation with every value tied).</summary>
    public static string F(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string Ci(double mean, double low, double high) =>
        double.IsFinite(low) && double.IsFinite(high) ? $"{F(mean),6} [{F(low)}, {F(high)}]" : $"{F(mean),6}";

    private static string Fixed(double v, int decimals) => v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Budget(int k) => k == int.MaxValue ? "all" : k.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder w, string text) => w.Append(text).Append('\n');
}
