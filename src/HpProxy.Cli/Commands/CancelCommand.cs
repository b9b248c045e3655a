using HpProxy.Cli.Parsing;

namespace HpProxy.Cli.Commands;

/// <summary><c>hpproxy cancel &lt;study&gt;</c>: pending runs become cancelled; running runs finish their attempt, then
/// the workers leave and <c>run</c> ends. <c>resume</c> puts cancelled runs back.</summary>
internal static class CancelCommand
{
    public static int Execute(ParsedCommand cmd, CliContext ctx)
    {
        var location = CliContext.Locate(cmd, cmd.Positional(0));
        using var store = ctx.OpenExisting(location);
        int cancelled = store.CancelPending();
        var p = store.GetProgress();
        ctx.Out.WriteLine($"study {location.StudyName}: {cancelled} pending run(s) cancelled; {p.Running} running run(s) will finish their attempt");
        ctx.Out.WriteLine($"continue later with: hpproxy resume {CliContext.StudyArguments(location)}");
        return ExitCodes.Ok;
    }
}
