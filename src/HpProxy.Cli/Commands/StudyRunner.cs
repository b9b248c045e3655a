using HpProxy.Cli.Output;
using HpProxy.Scheduling;
using HpProxy.Scheduling.Coordination;
using HpProxy.Scheduling.Queueing;
using HpProxy.Storage;

namespace HpProxy.Cli.Commands;

/// <summary>What <c>run</c> and <c>resume</c> share: coordinate the study to its end on this machine, then build
/// the report. The coordinator's own log goes to <c>&lt;study&gt;/logs/coordinator.log</c>; stdout shows progress.</summary>
internal static class StudyRunner
{
    public static int Coordinate(CliContext ctx, StudyLocation location, IStudyStore store, int workers, bool buildReport)
    {
        var options = ctx.Services.Scheduling;
        using var logFile = LogWriter.OpenAppend(Path.Combine(location.LogDirectory, "coordinator.log"));
        var log = new LogWriter(logFile);
        if (HangfireQueueRepair.QuarantineIfCorrupt(location) is { } moved)
        {
            log.Write($"coordinator: the Hangfire queue file was unreadable; moved to {moved} and recreated (the study database decides what is done)");
            ctx.Err.WriteLine($"hpproxy: the Hangfire queue file was unreadable; moved to {moved} and recreated");
        }
        var storage = HangfireStorageFactory.Create(location, options);
        try
        {
            var coordinator = new Coordinator(store, new HangfireRunQueue(storage, location),
                ctx.Services.Launcher(location, 1), workers, options, log.Write);
            var printer = new ProgressPrinter(ctx.Out, ctx.Interactive);
            using var signal = new ShutdownSignal();
            CoordinatorProgress final;
            try
            {
                final = coordinator.Run(printer.Show, signal.Token);
            }
            catch (WorkerCrashLoopException e)
            {
                ctx.Err.WriteLine($"hpproxy: {e.Message} in {location.LogDirectory}");
                return ExitCodes.Failure;
            }
            printer.Finish(final);
            if (signal.Token.IsCancellationRequested)
            {
                ctx.Err.WriteLine($"hpproxy: interrupted; nothing is lost. Continue with: hpproxy resume {CliContext.StudyArguments(location)}");
                return ExitCodes.Failure;
            }
            var p = final.Progress;
            ctx.Out.WriteLine($"study {location.StudyName}: {p.Succeeded} succeeded, {p.Failed} failed, {p.Cancelled} cancelled of {p.Total} runs");
            if (p.Failed > 0) ctx.Out.WriteLine($"  failed runs and their reasons: hpproxy status {CliContext.StudyArguments(location)}");
            if (buildReport)
            {
                try
                {
                    string report = ctx.Services.Reports.Build(store, location);
                    ctx.Out.WriteLine($"report: {report}");
                    RebuildOriginalReport(ctx, location);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The study itself is done and stored; only the report needs another go.
                    ctx.Err.WriteLine($"hpproxy: the study is complete but its report failed: {e.Message}");
                    ctx.Err.WriteLine($"  rebuild it with: hpproxy report {CliContext.StudyArguments(location)}");
                    return ExitCodes.Failure;
                }
            }
            return ExitCodes.Ok;
        }
        finally
        {
            (storage as IDisposable)?.Dispose();
        }
    }

    /// <summary>A finished winner's-curse follow-up (<c>&lt;study&gt;-followup</c>) changes the original study's report
    /// (its fresh seeds): rebuild that one too, when the original is next to it. A failure there is only a warning.</summary>
    private static void RebuildOriginalReport(CliContext ctx, StudyLocation followUp)
    {
        if (Wiring.StudyReports.OriginalOf(followUp.StudyName) is not { } name) return;
        var original = StudyLocation.Create(followUp.ResultsRoot, name, followUp.Postgres);
        if (original.Postgres is null && !File.Exists(Path.Combine(original.StudyDirectory, StudyStoreFactory.SqliteFileName))) return;
        try
        {
            using var store = ctx.OpenExisting(original);
            ctx.Out.WriteLine($"report of {name} (winner's curse from {followUp.StudyName}): {ctx.Services.Reports.Build(store, original)}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            ctx.Err.WriteLine($"hpproxy: warning: the report of {name} was not rebuilt ({e.Message}); run: hpproxy report {CliContext.StudyArguments(original)}");
        }
    }
}
