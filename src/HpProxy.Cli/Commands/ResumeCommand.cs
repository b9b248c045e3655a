using HpProxy.Cli.Parsing;
using HpProxy.Storage;

namespace HpProxy.Cli.Commands;

/// <summary><c>hpproxy resume &lt;study&gt;</c>: <c>run</c> without planning. Cancelled runs (and failed ones with
/// <c>--retry-failed</c>) go back to pending; runs left running by a dead process are taken over once their lease
/// expires.</summary>
internal static class ResumeCommand
{
    public static int Execute(ParsedCommand cmd, CliContext ctx)
    {
        var location = CliContext.Locate(cmd, cmd.Positional(0));
        int workers = cmd.Int("workers", Environment.ProcessorCount, min: 0);
        using var store = ctx.OpenExisting(location);
        store.Migrate();
        int requeued = store.Requeue(includeFailed: cmd.Flag("retry-failed"));
        var p = store.GetProgress();
        ctx.Out.WriteLine($"study {location.StudyName}: {p.Pending + p.Running} of {p.Total} runs to do"
            + (requeued > 0 ? $" ({requeued} put back to pending)" : ""));
        if (RunDefaultsCheck.Warning(store.GetRuns()) is { } changedDefaults) ctx.Err.WriteLine(changedDefaults);
        return StudyRunner.Coordinate(ctx, location, store, workers, buildReport: !cmd.Flag("no-report"));
    }
}
