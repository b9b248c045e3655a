using HpProxy.Cli.Parsing;
using HpProxy.Dashboard;
using HpProxy.Scheduling;

namespace HpProxy.Cli.Commands;

/// <summary><c>hpproxy dashboard &lt;study&gt;</c>: serves live progress, failures, runs and the report's figures
/// (loopback by default; a non-loopback <c>--urls</c> needs <c>--token</c>) until Ctrl-C.</summary>
internal static class DashboardCommand
{
    public static int Execute(ParsedCommand cmd, CliContext ctx)
    {
        var location = CliContext.Locate(cmd, cmd.Positional(0));
        string urls = cmd.ValueOr("urls", DashboardHost.DefaultUrls);
        string? token = cmd.Value("token") ?? Environment.GetEnvironmentVariable("HPPROXY_DASHBOARD_TOKEN");
        // The dashboard reads the PostgreSQL connection from the environment, like the workers.
        if (location.Postgres is { } pg) Environment.SetEnvironmentVariable(StudyLocation.PostgresEnvironmentVariable, pg);
        using (ctx.OpenExisting(location))
        {
        }
        using var signal = new ShutdownSignal();
        ctx.Out.WriteLine($"dashboard of {location.StudyName}: {urls.Split(';')[0]} (Ctrl-C stops it)");
        try
        {
            DashboardHost.Run(location.ResultsRoot, location.StudyName, urls, token, signal.Token);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter")[0], cmd.Name);
        }
        catch (OperationCanceledException) when (signal.Token.IsCancellationRequested)
        {
        }
        return ExitCodes.Ok;
    }
}
