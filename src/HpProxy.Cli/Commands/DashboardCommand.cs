using HpProxy.Cli.Parsing;
using HpProxy.Dashboard;

namespace HpProxy.Cli.Commands;

/// <summary><c>hpproxy dashboard &lt;study&gt; [--urls URL] [--token T]</c>: serve the study's live pages, JSON API and
/// Hangfire's dashboard until Ctrl-C. Loopback by default; another address needs a token.</summary>
internal static class DashboardCommand
{
    public static int Execute(ParsedCommand cmd, CliContext ctx)
    {
        var location = CliContext.Locate(cmd, cmd.Positional(0));
        string urls = cmd.ValueOr("urls", DashboardHost.DefaultUrls);
        string? token = cmd.Value("token") ?? Environment.GetEnvironmentVariable("HPPROXY_DASHBOARD_TOKEN");
        using var signal = new ShutdownSignal();
        ctx.Out.WriteLine($"dashboard of {location.StudyName}: {urls} (Hangfire at {urls.Split(';')[0].TrimEnd('/')}/hangfire); Ctrl-C stops");
        try
        {
            DashboardHost.Run(location.ResultsRoot, location.StudyName, urls, token, signal.Token);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter")[0], cmd.Name);
        }
        return ExitCodes.Ok;
    }
}
