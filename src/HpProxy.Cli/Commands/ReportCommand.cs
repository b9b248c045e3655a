using HpProxy.Cli.Parsing;

namespace HpProxy.Cli.Commands;

/// <summary><c>hpproxy report &lt;study&gt;</c>: rebuild the report from the stored rows (nothing is retrained).</summary>
internal static class ReportCommand
{
    public static int Execute(ParsedCommand cmd, CliContext ctx)
    {
        var location = CliContext.Locate(cmd, cmd.Positional(0));
        using var store = ctx.OpenExisting(location);
        string report = ctx.Services.Reports.Build(store, location);
        ctx.Out.WriteLine($"report: {report}");
        return ExitCodes.Ok;
    }
}
