using HpProxy.Cli.Output;
using HpProxy.Cli.Parsing;
using HpProxy.Core.Studies;
using HpProxy.Storage;

namespace HpProxy.Cli.Commands;

/// <summary><c>hpproxy export &lt;study&gt; --csv DIR</c>: <c>runs.csv</c> and <c>checkpoints.csv</c> (see <see cref="CsvExport"/>).</summary>
internal static class ExportCommand
{
    public static int Execute(ParsedCommand cmd, CliContext ctx)
    {
        string dir = cmd.Value("csv") ?? throw new UsageException("export needs --csv DIR", cmd.Name);
        var location = CliContext.Locate(cmd, cmd.Positional(0));
        using var store = ctx.OpenExisting(location);
        Directory.CreateDirectory(dir);
        var runs = store.GetRuns();
        string runsPath = Path.Combine(dir, "runs.csv"), checkpointsPath = Path.Combine(dir, "checkpoints.csv");
        using (var w = new StreamWriter(runsPath))
        {
            CsvExport.WriteRuns(w, runs, Hyperparameters);
        }
        var checkpoints = store.GetCheckpoints();
        using (var w = new StreamWriter(checkpointsPath))
        {
            CsvExport.WriteCheckpoints(w, checkpoints);
        }
        ctx.Out.WriteLine($"{runsPath}: {runs.Count} runs");
        ctx.Out.WriteLine($"{checkpointsPath}: {checkpoints.Count} checkpoints");
        return ExitCodes.Ok;
    }

    private static IReadOnlyDictionary<string, string> Hyperparameters(RunRecord run) =>
        RunSpecJson.Deserialize(run.SpecJson).Hyperparameters.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
}
