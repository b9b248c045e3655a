using HpProxy.Reports.Model;
using ScottPlot;

namespace HpProxy.Reports.Figures;

/// <summary>Renders every figure of a report into <c>figures/</c> (PNG and SVG) and returns their references in
/// report order.</summary>
internal static class FigureWriter
{
    public static (List<FigureRef> Figures, List<string> Files) WriteAll(ReportModel model, string figuresDirectory)
    {
        Directory.CreateDirectory(figuresDirectory);
        var refs = new List<FigureRef>();
        var files = new List<string>();
        string footer = model.Provenance.Footer;
        var analysis = model.Analysis;

        void Emit(Plot? plt, string kind, string name, string caption, int width = FigureStyle.Width, int height = FigureStyle.Height)
        {
            if (plt is null) return;
            using (plt)
            {
                files.AddRange(FigureStyle.Save(plt, figuresDirectory, name, width, height));
            }
            refs.Add(new FigureRef(kind, name, caption));
        }

        foreach (var regime in analysis.Correlations.GroupBy(c => (c.Group.Task, c.Group.Demonstrations)).OrderBy(g => g.Key.Task, StringComparer.Ordinal).ThenBy(g => g.Key.Demonstrations, StringComparer.Ordinal))
        {
            Emit(HeatmapFigure.Create(regime.Key.Task, regime.Key.Demonstrations, regime.ToList(), footer), "heatmap",
                FileNames.Slug("heatmap", regime.Key.Task, regime.Key.Demonstrations),
                $"Oriented Spearman ρ of each proxy with the oracle, per algorithm, on {regime.Key.Task} with {regime.Key.Demonstrations} demonstrations.");
        }

        // The overview comes first in the winner's-curse section, before the per-group figures.
        string scoreLabel = WinnersCurseFigure.AxisLabel(model.Settings.Oracle);
        Emit(WinnersCurseOverviewFigure.Create(analysis.WinnersCurse, scoreLabel, footer), "winners-curse", "winners-curse__overview",
            WinnersCurseOverviewFigure.Caption(analysis.WinnersCurse, model.FollowUpStudy),
            WinnersCurseOverviewFigure.Width, WinnersCurseOverviewFigure.Height(analysis.WinnersCurse.Select(w => w.Group).Distinct().Count()));

        foreach (var group in model.Groups)
        {
            var points = model.Points.Where(p => p.Group == group).ToList();
            foreach (var (proxy, direction) in model.Directions)
            {
                var correlation = analysis.Correlations.FirstOrDefault(c => c.Group == group && c.Proxy == proxy);
                if (!points.Any(p => p.Proxies.ContainsKey(proxy))) continue;
                Emit(ScatterFigure.Create(group, proxy, direction, points, correlation, footer), "scatter",
                    FileNames.Slug("scatter", group.Task, group.Demonstrations, group.Algorithm, proxy),
                    $"{proxy} against the normalised oracle score, {group}: one point per configuration (mean over seeds, last checkpoint).");
            }

            var selections = analysis.Selections.Where(s => s.Group == group).ToList();
            if (selections.Count > 0)
            {
                Emit(SelectionFigure.Create(group, selections, model.Settings.Resamples, footer), "selection",
                    FileNames.Slug("selection", group.Task, group.Demonstrations, group.Algorithm),
                    $"Selection simulation, {group}: mean and 5–95% interval of the picked configuration's normalised score.");
            }

            var budget = analysis.Budget.Where(b => b.Group == group).ToList();
            if (budget.Select(b => b.K).Distinct().Count() > 1)
            {
                Emit(BudgetFigure.Create(group, budget, footer), "budget",
                    FileNames.Slug("budget", group.Task, group.Demonstrations, group.Algorithm),
                    $"Budget curve, {group}: mean normalised score of the pick against the number of configurations tried.");
            }

            var early = analysis.EarlyStopping.Where(e => e.Group == group).ToList();
            if (early.Count > 0)
            {
                Emit(EarlyStoppingFigure.Create(group, early, footer), "early-stopping",
                    FileNames.Slug("early-stopping", group.Task, group.Demonstrations, group.Algorithm),
                    $"Early stopping, {group}: mean normalised score at the checkpoint each proxy chooses, against the last and the oracle-best checkpoint.");
            }

            var curse = analysis.WinnersCurse.Where(w => w.Group == group).ToList();
            if (curse.Count > 0)
            {
                Emit(WinnersCurseFigure.Create(group, curse, scoreLabel, footer), "winners-curse",
                    FileNames.Slug("winners-curse", group.Task, group.Demonstrations, group.Algorithm),
                    WinnersCurseFigure.Caption(group, curse[0], model.Settings.Resamples, model.FollowUpStudy));
            }

            foreach (string hp in points.SelectMany(p => p.Hyperparameters.Keys).Distinct().Order(StringComparer.Ordinal))
            {
                Emit(SensitivityFigure.Create(group, hp, points, footer), "sensitivity",
                    FileNames.Slug("sensitivity", group.Task, group.Demonstrations, group.Algorithm, hp),
                    $"Sensitivity to {hp}, {group}: normalised score of each configuration.");
            }
        }
        files.Sort(StringComparer.Ordinal);
        return (refs, files);
    }
}
