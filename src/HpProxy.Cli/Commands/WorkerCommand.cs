using Hangfire;
using HpProxy.Cli.Parsing;
using HpProxy.Scheduling.Workers;

namespace HpProxy.Cli.Commands;

/// <summary><c>hpproxy worker &lt;study&gt;</c>: serve the study's runs until it is done or a signal arrives.</summary>
internal static class WorkerCommand
{
    public static int Execute(ParsedCommand cmd, CliContext ctx)
    {
        var location = CliContext.Locate(cmd, cmd.Positional(0));
        int threads = cmd.Int("threads", 1, min: 1, max: 256);
        bool stay = cmd.Flag("stay");
        if (!stay)
        {
            using (ctx.OpenExisting(location))
            {
            }
        }
        using var file = cmd.Value("log") is { } path ? LogWriter.OpenAppend(path) : null;
        var log = new LogWriter(file ?? ctx.Out);
        GlobalConfiguration.Configuration.UseLogProvider(new HangfireLogBridge(log.Write, HangfireLogBridge.LevelFromEnvironment()));
        using var signal = new ShutdownSignal();
        try
        {
            var host = new WorkerHost(location, ctx.Services.Stores, ctx.Services.Work(), ctx.Services.Scheduling, threads, log.Write)
            {
                StayWhenIdle = stay,
            };
            host.Run(signal.Token);
            return ExitCodes.Ok;
        }
        catch (Exception e)
        {
            // The coordinator points at this log when workers keep dying; the reason must be in it.
            log.Write($"worker: stopped by an error: {e.GetType().Name}: {e.Message}");
            throw;
        }
    }
}
