using System.Globalization;
using HpProxy.Reports.Analysis;
using HpProxy.Reports.Figures;
using HpProxy.Reports.Model;
using HpProxy.Storage;

namespace HpProxy.Reports.Output;

/// <summary>Lays out the report: headline first (the answer), then provenance, failures, and one section per analysis.</summary>
internal static class DocumentBuilder
{
    public static ReportDocument Build(ReportModel model, IReadOnlyList<FigureRef> figures)
    {
        var blocks = new List<Block>();
        var p = model.Provenance;
        var a = model.Analysis;

        blocks.Add(new Heading(2, "Headline", "headline"));
        blocks.Add(new Paragraph("Which reward-free proxy ranks hyperparameter configurations most like the true return? Correlations are oriented " +
            "(a lower-is-better proxy is negated first), so +1 means the proxy orders the configurations exactly as the oracle does."));
        blocks.Add(model.Headline.Count > 0 ? new BulletList(model.Headline) : new Paragraph("No succeeded configurations yet: nothing to correlate."));

        blocks.Add(new Heading(2, "Provenance", "provenance"));
        blocks.Add(new Table(["field", "value"],
        [
            ["study", p.StudyName],
            ["study file SHA-256", p.FileHash.Length > 0 ? p.FileHash : "(not recorded)"],
            ["code version (report)", p.CodeVersion],
            ["code version (study recorded)", p.StudyCodeVersion],
            ["code versions of finished runs", p.RunCodeVersionsText],
            ["trained with other defaults than the report's code", p.DefaultsDriftText],
            ["runs", I(p.TotalRuns)],
            ["runs by state", string.Join(", ", Enum.GetValues<RunState>().Select(s => $"{s.ToString().ToLowerInvariant()} {I(p.Count(s))}"))],
            ["seeds", p.Seeds.Count == 0 ? "(none)" : $"{I(p.Seeds.Count)}: {string.Join(", ", p.Seeds.Select(I))}"],
            ["configurations", I(p.Configurations)],
            ["checkpoint rows", I(p.CheckpointRows)],
            ["analysis settings", SettingsText(model.Settings)],
            ["proxies", string.Join(", ", model.Directions.Select(d => $"{d.Key} ({ProxyDirections.Describe(d.Value)})"))],
        ], [false, false]));
        blocks.Add(new Table(["proxy", "direction", "reads", "what it measures"],
            model.Directions.Select(d => (IReadOnlyList<string>)[d.Key, ProxyDirections.Describe(d.Value),
                ProxyDirections.Reads(d.Key) ?? "(not registered)", ProxyDirections.Description(d.Key) ?? "(not registered)"]).ToList(),
            [false, false, false, false]));
        if (model.UnknownDirections.Count > 0)
        {
            blocks.Add(new Paragraph("Warning: no declared direction for " + string.Join(", ", model.UnknownDirections) + "; treated as higher is better."));
        }
        blocks.Add(new Paragraph("Statistics use succeeded runs only: each run's last checkpoint, averaged over seeds per configuration. " +
            "Intervals are 5–95%: bootstrap quantiles over resampled configurations for correlations, quantiles over the B draws for selection."));

        blocks.Add(new Heading(2, "Failures", "failures"));
        blocks.Add(new Paragraph($"{I(model.Failures.Count)} failed run(s) of {I(p.TotalRuns)}; {I(p.Count(RunState.Cancelled))} cancelled, " +
            $"{I(p.Count(RunState.Pending))} pending, {I(p.Count(RunState.Running))} running."));
        if (model.Failures.Count > 0)
        {
            blocks.Add(new Table(["task", "demonstrations", "algorithm", "configuration", "seed", "attempts", "run", "reason"],
                model.Failures.Select(f => (IReadOnlyList<string>)[f.Group.Task, f.Group.Demonstrations, f.Group.Algorithm, f.ConfigId, I(f.Seed), I(f.Attempts), f.RunId, f.Reason]).ToList(),
                [false, false, false, false, true, true, false, false]));
        }

        blocks.Add(new Heading(2, "Rank correlation with the oracle", "correlations"));
        blocks.Add(new Paragraph("Spearman ρ and Kendall τ-b of each proxy with the normalised score across configurations, with 5–95% bootstrap intervals (also in correlations.csv)."));
        if (a.Correlations.Count > 0)
        {
            blocks.Add(new Table(["task", "demonstrations", "algorithm", "proxy", "direction", "Spearman ρ", "5–95%", "Kendall τ", "5–95%", "n"],
                a.Correlations.Select(c => (IReadOnlyList<string>)[c.Group.Task, c.Group.Demonstrations, c.Group.Algorithm, c.Proxy, ProxyDirections.CsvName(c.Direction),
                    F(c.Spearman), Ci(c.SpearmanLow, c.SpearmanHigh), F(c.Kendall), Ci(c.KendallLow, c.KendallHigh), I(c.N)]).ToList(),
                [false, false, false, false, false, true, true, true, true, true]));
        }
        AddFigures(blocks, figures, "heatmap");

        blocks.Add(new Heading(2, "Proxy against oracle", "scatter"));
        AddFigures(blocks, figures, "scatter");

        blocks.Add(new Heading(2, "Selection simulation", "selection"));
        blocks.Add(new Paragraph($"Draw K configurations at random, keep the proxy's best, record its normalised score; repeated B = {I(model.Settings.Resamples)} times. " +
            "The oracle pick (best true score among the same K) is the upper bound, a random pick (the mean of the K) the lower bound; regret = oracle − proxy."));
        if (a.Selections.Count > 0)
        {
            blocks.Add(new Table(["task", "demonstrations", "algorithm", "proxy", "K", "pool", "proxy pick", "5–95%", "oracle pick", "random pick", "regret"],
                a.Selections.Select(s => (IReadOnlyList<string>)[s.Group.Task, s.Group.Demonstrations, s.Group.Algorithm, s.Proxy, I(s.K), I(s.Pool),
                    F(s.Pick.Mean), Ci(s.Pick.Low, s.Pick.High), F(s.Oracle.Mean), F(s.Random.Mean), F(s.Regret)]).ToList(),
                [false, false, false, false, true, true, true, true, true, true, true]));
        }
        AddFigures(blocks, figures, "selection");

        blocks.Add(new Heading(2, "Budget curves", "budget"));
        AddFigures(blocks, figures, "budget");

        blocks.Add(new Heading(2, "Early stopping", "early-stopping"));
        blocks.Add(new Paragraph("Per run, the checkpoint with the proxy's best value instead of the last one; means over the runs of a group, " +
            "next to the last checkpoint and the oracle-best checkpoint."));
        if (a.EarlyStopping.Count > 0)
        {
            blocks.Add(new Table(["task", "demonstrations", "algorithm", "proxy", "last checkpoint", "proxy's checkpoint", "oracle-best checkpoint", "runs"],
                a.EarlyStopping.Select(e => (IReadOnlyList<string>)[e.Group.Task, e.Group.Demonstrations, e.Group.Algorithm, e.Proxy, F(e.Last), F(e.ProxyChosen), F(e.OracleBest), I(e.Runs)]).ToList(),
                [false, false, false, false, true, true, true, true]));
        }
        AddFigures(blocks, figures, "early-stopping");

        blocks.Add(new Heading(2, "Algorithm selection", "algorithm-selection"));
        blocks.Add(new Paragraph("Each algorithm's configuration is chosen by the proxy; the algorithm whose choice has the best proxy value wins. " +
            "Compared with the oracle's best configuration of any algorithm. Proxies on algorithm-specific scales are not meaningful here."));
        if (a.AlgorithmSelection.Count > 0)
        {
            blocks.Add(new Table(["task", "demonstrations", "proxy", "chosen algorithm", "its score", "oracle algorithm", "oracle score"],
                a.AlgorithmSelection.Select(r => (IReadOnlyList<string>)[r.Task, r.Demonstrations, r.Proxy, r.ChosenAlgorithm, F(r.ChosenScore), r.OracleAlgorithm, F(r.OracleScore)]).ToList(),
                [false, false, false, false, true, false, true]));
        }
        else
        {
            blocks.Add(new Paragraph("(needs at least two algorithms on a task and demonstration set)"));
        }

        blocks.Add(new Heading(2, "Hyperparameter transfer", "transfer"));
        blocks.Add(new Paragraph("The configuration the oracle picks on a sibling task, applied on the target task, against in-situ selection by the proxy " +
            "and the oracle's pick on the target (among configurations present on both)."));
        if (a.Transfer.Count > 0)
        {
            blocks.Add(new Table(["task", "demonstrations", "algorithm", "source task", "proxy", "shared configurations", "transferred", "in situ (proxy)", "oracle"],
                a.Transfer.Select(t => (IReadOnlyList<string>)[t.Group.Task, t.Group.Demonstrations, t.Group.Algorithm, t.SourceTask, t.Proxy, I(t.SharedConfigurations),
                    F(t.TransferScore), F(t.InSituScore), F(t.OracleScore)]).ToList(),
                [false, false, false, false, false, true, true, true, true]));
        }
        else
        {
            blocks.Add(new Paragraph("(needs the same configurations on at least two tasks)"));
        }

        AddWinnersCurse(blocks, model, figures);

        blocks.Add(new Heading(2, "Hyperparameter sensitivity", "sensitivity"));
        AddFigures(blocks, figures, "sensitivity");

        return new ReportDocument($"HpProxy report: {p.StudyName}", blocks);
    }

    private static void AddWinnersCurse(List<Block> blocks, ReportModel model, IReadOnlyList<FigureRef> figures)
    {
        var rows = model.Analysis.WinnersCurse;
        blocks.Add(new Heading(2, "Winner's curse", "winners-curse"));
        if (model.FollowUpStudy is { } followUp)
        {
            blocks.Add(new Paragraph($"The configuration each proxy (and the oracle) picks over the whole pool was re-run on fresh seeds by the follow-up study {followUp}. " +
                "Its normalised score on the seeds it was selected on is compared with the fresh seeds; the drop is the optimism of selecting on noisy " +
                "evaluations, expected to be largest for the oracle pick, which was selected on the very numbers it reports. Groups the follow-up did not cover use the seed split."));
        }
        else
        {
            blocks.Add(new Paragraph("No follow-up study: each group's seeds are split in halves (even positions select, odd positions are fresh); the pick among K " +
                "drawn configurations is made on the selecting half and scored on both, averaged over the B draws. " +
                $"hpproxy analyze {model.Provenance.StudyName} --follow-up writes a study that re-runs the picks on fresh seeds."));
        }
        if (rows.Count == 0)
        {
            blocks.Add(new Paragraph("(needs at least two seeds, or a follow-up study)"));
            return;
        }
        blocks.Add(new BulletList(WinnersCurseSummary.Build(rows)));
        blocks.Add(new Table(["task", "demonstrations", "algorithm", "proxy", "source", "K", "pool", "seeds (selection / fresh)", "proxy pick: selection", "fresh", "drop",
                "oracle pick: selection", "fresh", "drop", "proxy's configuration"],
            rows.Select(w => (IReadOnlyList<string>)[w.Group.Task, w.Group.Demonstrations, w.Group.Algorithm, w.Proxy, w.FollowUp ? "follow-up" : "seed split",
                I(w.K), I(w.Pool), $"{I(w.SelectionSeeds)} / {I(w.FreshSeeds)}", F(w.ProxySelection), F(w.ProxyFresh), F(w.ProxySelection - w.ProxyFresh),
                F(w.OracleSelection), F(w.OracleFresh), F(w.OracleSelection - w.OracleFresh), w.ProxyConfigId ?? "(varies per draw)"]).ToList(),
            [false, false, false, false, false, true, true, true, true, true, true, true, true, true, false]));
        AddFigures(blocks, figures, "winners-curse");
    }

    /// <summary>"K = 25, B = 1000, seed = 0, budgets = 1, 2, 5, 10, 25, 50, all", plus the interval and the oracle column
    /// when they are not the defaults.</summary>
    internal static string SettingsText(Core.Analysis.AnalysisSettings s)
    {
        var defaults = new Core.Analysis.AnalysisSettings();
        string text = $"K = {I(s.Budget)}, B = {I(s.Resamples)}, seed = {s.Seed.ToString(CultureInfo.InvariantCulture)}, " +
            $"budgets = {string.Join(", ", s.BudgetCurve.Select(k => k == int.MaxValue ? "all" : I(k)))}";
        if (s.LowerQuantile != defaults.LowerQuantile || s.UpperQuantile != defaults.UpperQuantile)
            text += $", interval = [{s.LowerQuantile.ToString(CultureInfo.InvariantCulture)}, {s.UpperQuantile.ToString(CultureInfo.InvariantCulture)}]";
        if (s.Oracle != defaults.Oracle) text += ", oracle = raw return";
        return text;
    }

    private static void AddFigures(List<Block> blocks, IReadOnlyList<FigureRef> figures, string kind)
    {
        var selected = figures.Where(f => f.Kind == kind).ToList();
        if (selected.Count == 0)
        {
            blocks.Add(new Paragraph("(no figures)"));
            return;
        }
        foreach (var f in selected) blocks.Add(new FigureBlock(f.SvgPath, f.PngPath, f.Caption));
    }

    internal static string F(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string Ci(double low, double high) => double.IsFinite(low) && double.IsFinite(high) ? $"[{F(low)}, {F(high)}]" : "n/a";

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
