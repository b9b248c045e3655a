using HpProxy.Cli.Parsing;
using HpProxy.Storage;

namespace HpProxy.Cli.Commands;

/// <summary><c>hpproxy report &lt;study&gt;</c>: rebuild the report from the stored rows (nothing is retrained), with
/// the study file's analysis settings and, when <c>&lt;study&gt;-followup</c> exists, its fresh seeds for the winner's
/// curse (<see cref="Wiring.StudyReports"/>; <c>analyze</c> takes other settings).</summary>
internal static class ReportCommand
{
    public static int Execute(ParsedCommand cmd, CliContext ctx)
    {
        var location = CliContext.Locate(cmd, cmd.Positional(0));
        using var store = ctx.OpenExisting(location);
        if (RunDefaultsCheck.Warning(store.GetRuns()) is { } changedDefaults) ctx.Err.WriteLine(changedDefaults);
        string report = ctx.Services.Reports.Build(store, location);
        ctx.Out.WriteLine($"report: {report}");
        return ExitCodes.Ok;
    }
}
