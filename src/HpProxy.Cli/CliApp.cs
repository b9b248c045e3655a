using HpProxy.Cli.Commands;
using HpProxy.Cli.Parsing;
using HpProxy.Cli.Wiring;

namespace HpProxy.Cli;

/// <summary>Entry point of the <c>hpproxy</c> command line: parse, dispatch, map errors to exit codes
/// (0 ok, 1 runtime failure, 2 bad input) without stack traces (set HPPROXY_DEBUG=1 to see them).</summary>
public static class CliApp
{
    public static int Run(string[] args) =>
        Run(args, ProductServices.Create(), Console.Out, Console.Error, interactive: !Console.IsOutputRedirected);

    public static int Run(IReadOnlyList<string> args, CliServices services, TextWriter output, TextWriter error, bool interactive = false)
    {
        var ctx = new CliContext(services, output, error, interactive);
        try
        {
            if (args.Count == 0)
            {
                InfoCommands.WriteUsage(error);
                return ExitCodes.BadInput;
            }
            if (args[0] is "-h" or "--help") return InfoCommands.Help(ArgParser.Parse(["help"], CommandTable.All), ctx);
            if (args[0] is "--version") return InfoCommands.Version(ctx);
            var cmd = ArgParser.Parse(args, CommandTable.All);
            if (cmd.HelpRequested)
            {
                InfoCommands.WriteCommandUsage(output, cmd.Spec);
                return ExitCodes.Ok;
            }
            return Dispatch(cmd, ctx);
        }
        catch (UsageException e)
        {
            error.WriteLine($"hpproxy: {e.Message}");
            if (e.Command is not null && CommandTable.Find(e.Command) is { } spec) error.WriteLine($"usage: {spec.UsageLine}");
            else InfoCommands.WriteUsage(error);
            return ExitCodes.BadInput;
        }
        catch (StudyNotFoundException e)
        {
            error.WriteLine($"hpproxy: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            error.WriteLine($"hpproxy: error: {e.Message}");
            if (Environment.GetEnvironmentVariable("HPPROXY_DEBUG") is "1") error.WriteLine(e);
            return ExitCodes.Failure;
        }
    }

    private static int Dispatch(ParsedCommand cmd, CliContext ctx) => cmd.Name switch
    {
        "run" => RunCommand.Execute(cmd, ctx),
        "validate" => ValidateCommand.Execute(cmd, ctx),
        "resume" => ResumeCommand.Execute(cmd, ctx),
        "worker" => WorkerCommand.Execute(cmd, ctx),
        "status" => StatusCommand.Execute(cmd, ctx),
        "cancel" => CancelCommand.Execute(cmd, ctx),
        "report" => ReportCommand.Execute(cmd, ctx),
        "analyze" => AnalyzeCommand.Execute(cmd, ctx),
        "export" => ExportCommand.Execute(cmd, ctx),
        "dashboard" => DashboardCommand.Execute(cmd, ctx),
        "demos" => DemosCommand.Execute(cmd, ctx),
        "sanity" => SanityCommand.Execute(cmd, ctx),
        "expert" => ExpertCommand.Execute(cmd, ctx),
        "tasks" => TasksCommand.Execute(cmd, ctx),
        "algorithms" => InfoCommands.List(ctx, ctx.Services.Catalog.Algorithms()),
        "proxies" => InfoCommands.List(ctx, ctx.Services.Catalog.Proxies()),
        "version" => InfoCommands.Version(ctx),
        "help" => InfoCommands.Help(cmd, ctx),
        _ => throw new UsageException($"unknown command '{cmd.Name}'"),
    };
}
