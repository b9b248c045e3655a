using HpProxy.Cli.Output;
using HpProxy.Cli.Parsing;
using HpProxy.Cli.Wiring;
using HpProxy.Reports;
using HpProxy.Reports.Model;
using HpProxy.Storage;

namespace HpProxy.Cli.Commands;

/// <summary>
/// <c>hpproxy analyze &lt;study&gt;</c>: the analysis of SPEC.md §6 recomputed from stored rows only, with settings
/// from the command line (else the study file's). Prints a summary (or <c>--json</c>) and writes the same report
/// <c>report</c> writes; with <c>--follow-up</c> writes the winner's-curse follow-up study file instead.
/// </summary>
internal static class AnalyzeCommand
{
    public static int Execute(ParsedCommand cmd, CliContext ctx)
    {
        var options = AnalyzeOptions.Parse(cmd);
        var location = CliContext.Locate(cmd, cmd.Positional(0));
        using var store = ctx.OpenExisting(location);
        var settings = options.Apply(StudyReports.DeclaredSettings(store));
        if (settings.Validate() is { Count: > 0 } problems) throw new UsageException(string.Join("; ", problems), cmd.Name);
        if (options.Proxies is { } wanted)
        {
            var stored = ReportModelFactory.ProxiesIn(store);
            var missing = wanted.Where(p => !stored.Contains(p, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                throw new UsageException($"--proxies: no stored values for {string.Join(", ", missing)}; the study has " +
                    (stored.Count == 0 ? "no proxy values yet" : string.Join(", ", stored)), cmd.Name);
            }
        }
        var reportOptions = new ReportOptions { Analysis = settings, Proxies = options.Proxies };
        if (options.FollowUp) return FollowUpStudyCommand.Execute(ctx, store, location, reportOptions, options);

        if (RunDefaultsCheck.Warning(store.GetRuns()) is { } changedDefaults) ctx.Err.WriteLine(changedDefaults);
        var result = StudyReports.Build(store, location, ctx.Services.Stores, ctx.Services.CodeVersion, reportOptions, options.Out, options.FollowUpStudy);
        var analysis = result.Analysis ?? throw new InvalidOperationException("the report returned no analysis");
        var summary = new AnalysisSummary(location.StudyName, store.GetProgress(), analysis, result.Headline, result.FollowUpStudy, result.IndexHtml);
        ctx.Out.Write(options.Json ? AnalysisJson.Write(summary) : summary.ToText());
        return ExitCodes.Ok;
    }
}
