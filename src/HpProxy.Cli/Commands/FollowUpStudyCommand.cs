using System.Globalization;
using HpProxy.Cli.Wiring;
using HpProxy.Core.Analysis;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;
using HpProxy.Reports;
using HpProxy.Reports.Model;
using HpProxy.Scheduling;
using HpProxy.Storage;

namespace HpProxy.Cli.Commands;

/// <summary>
/// <c>hpproxy analyze &lt;study&gt; --follow-up [--seeds 3] [--out FILE]</c>: writes the winner's-curse follow-up study
/// (SPEC.md §6). In every (task, demonstrations, algorithm) group, each proxy and the oracle pick a configuration over
/// the whole pool (<see cref="FollowUpSelection"/>, from the same rows the report reads); the follow-up re-runs those
/// on fresh seeds past every seed of the study (<see cref="FollowUpStudy"/>). The file is validated like any study file
/// before the command says how to run it.
/// </summary>
internal static class FollowUpStudyCommand
{
    public static int Execute(CliContext ctx, IStudyStore store, StudyLocation location, ReportOptions reportOptions, AnalyzeOptions options)
    {
        var study = store.GetStudy() ?? throw new StudyNotFoundException(location);
        var settings = reportOptions.EffectiveSettings();
        var (rows, directions) = ReportModelFactory.AnalysisRows(store, reportOptions);
        var picks = FollowUpSelection.Picks(rows, directions, settings.Oracle);
        if (picks.Count == 0)
        {
            ctx.Err.WriteLine($"hpproxy: study {location.StudyName} has no succeeded configuration to re-run yet");
            return ExitCodes.Failure;
        }

        var runs = store.GetRuns();
        var hyperparameters = new Dictionary<(string Algorithm, string ConfigId), HyperparameterSet>();
        foreach (var p in picks)
        {
            var key = (p.Algorithm, p.ConfigId);
            if (hyperparameters.ContainsKey(key)) continue;
            var run = runs.Where(r => r.Algorithm == p.Algorithm && r.ConfigId == p.ConfigId && r.State == RunState.Succeeded)
                .OrderBy(r => r.RunId, StringComparer.Ordinal).First();
            hyperparameters[key] = RunSpecJson.Deserialize(run.SpecJson).Hyperparameters;
        }

        string name = StudyReports.FollowUpName(location.StudyName);
        int firstSeed = runs.Max(r => r.Seed) + 1;
        var configurations = FollowUpStudy.Configurations(picks, hyperparameters);
        string text = FollowUpStudy.Write(study.FileText, new FollowUpStudyRequest(name, location.StudyName, options.FollowUpSeeds, firstSeed, configurations));
        string path = options.Out ?? Path.Combine("studies", name + ".yaml");
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir) Directory.CreateDirectory(dir);
        File.WriteAllText(path, text);

        foreach (var g in picks.GroupBy(p => (p.Task, p.Demonstrations, p.Algorithm)))
        {
            ctx.Out.WriteLine($"{g.Key.Task} / {g.Key.Demonstrations} / {g.Key.Algorithm} ({g.First().Pool} configurations): " +
                string.Join(", ", g.Select(p => $"{p.Selector} → {p.ConfigId} ({F(p.Score)})")));
        }
        var planned = StudyFileLoading.LoadValid(ctx, path, " (the follow-up study was written but does not validate)");
        if (planned is null) return ExitCodes.Failure;
        string results = location.ResultsRoot == Path.GetFullPath(Parsing.CommandTable.DefaultResults) ? "" : $" --results {location.ResultsRoot}";
        ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {path}: study {planned.Name}, {planned.Runs.Count} runs ({configurations.Select(c => (c.Algorithm, c.ConfigId)).Distinct().Count()} configurations, " +
            $"fresh seeds {firstSeed}..{firstSeed + options.FollowUpSeeds - 1})"));
        ctx.Out.WriteLine($"run it:  ./hpproxy run {path}{results}");
        ctx.Out.WriteLine($"then:    ./hpproxy analyze {location.StudyName}{results}   (the winner's curse then uses {planned.Name}'s fresh seeds)");
        return ExitCodes.Ok;
    }

    private static string F(double v) => Output.AnalysisSummary.F(v);
}
