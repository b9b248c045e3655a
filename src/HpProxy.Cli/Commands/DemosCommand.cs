using System.Globalization;
using System.Text.Json;
using HpProxy.Cli.Parsing;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Spaces;
using HpProxy.Scheduling.Catalog;
using HpProxy.Storage.Datasets;

namespace HpProxy.Cli.Commands;

/// <summary>
/// <c>hpproxy demos generate &lt;task&gt; --out FILE</c> rolls a demonstrator (in a regime) and writes the episodes as
/// RLDS step rows in Parquet, a file Python reads without our code (pyarrow/pandas; see src/HpProxy.Storage/README.md).
/// <c>hpproxy demos show FILE</c> reads such a file back (ours or one written elsewhere with the same columns),
/// checks the RLDS invariants, and prints what it holds. <c>export</c> and <c>import</c>: <see cref="DemosExchange"/>.
/// </summary>
internal static class DemosCommand
{
    public static int Execute(ParsedCommand cmd, CliContext ctx) => cmd.Positional(0) switch
    {
        "generate" => Generate(cmd, ctx),
        "show" => Show(cmd, ctx),
        "export" => DemosExchange.Export(cmd, ctx),
        "import" => DemosExchange.Import(cmd, ctx),
        var other => throw new UsageException($"unknown demos action '{other}' (generate, show, export or import)", cmd.Name),
    };

    private static int Generate(ParsedCommand cmd, CliContext ctx)
    {
        if (cmd.Positionals.Count < 2) throw new UsageException("demos generate needs a task", cmd.Name);
        string task = cmd.Positional(1);
        string output = cmd.Value("out") ?? throw new UsageException("demos generate needs --out FILE", cmd.Name);
        var catalog = ProductCatalog.Default;
        if (!catalog.HasTask(task)) throw new UsageException($"unknown task '{task}'; known: {string.Join(", ", catalog.TaskNames)}", cmd.Name);
        string demonstrator = cmd.Value("demonstrator") ?? catalog.DemonstratorsFor(task).FirstOrDefault()
            ?? throw new UsageException($"task '{task}' has no demonstrator yet", cmd.Name);
        string regime = cmd.ValueOr("regime", "synthetic");
        var parameters = ParseParameters(cmd.Value("params"), cmd.Name);
        var problems = Demonstrators.ValidateRegime(regime, parameters);
        if (problems.Count > 0) throw new UsageException(string.Join("; ", problems), cmd.Name);
        int episodes = cmd.Int("episodes", 10, 1, 100_000);
        ulong seed = ulong.Parse(cmd.ValueOr("seed", "0"), CultureInfo.InvariantCulture);

        var env = catalog.CreateTask(task);
        var demo = Demonstrators.Create(task, demonstrator, regime, parameters);
        var recorded = DemoGenerator.Generate(env, demo, episodes, seed);
        var info = new RldsDatasetInfo(task, demo.Name, regime, JsonSerializer.Serialize(parameters.ToDictionary(p => p.Key, p => p.Value.ToString())),
            env.Info.ObservationSize, env.Info.ActionSize);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null) Directory.CreateDirectory(directory);
        DemonstrationDataset.Write(output, info, recorded);
        double mean = recorded.Average(e => e.Return());
        ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{output}: {episodes} episodes of {task} by {demonstrator} ({regime}), {recorded.Sum(e => e.StepCount)} RLDS steps, mean return {mean:F2}"));
        return ExitCodes.Ok;
    }

    private static int Show(ParsedCommand cmd, CliContext ctx)
    {
        if (cmd.Positionals.Count < 2) throw new UsageException("demos show needs a file", cmd.Name);
        string file = cmd.Positional(1);
        if (!File.Exists(file)) throw new UsageException($"no such file: {file}", cmd.Name);
        var (info, episodes) = DemonstrationDataset.Read(file);
        ctx.Out.WriteLine($"task          {info.Task}");
        ctx.Out.WriteLine($"demonstrator  {info.Demonstrator} ({info.Regime}) {info.ParametersJson}");
        ctx.Out.WriteLine($"sizes         observation {info.ObservationSize}, action {info.ActionSize}");
        ctx.Out.WriteLine($"episodes      {episodes.Count} ({episodes.Count(e => e.Terminated)} terminated, {episodes.Count(e => !e.Terminated)} truncated)");
        ctx.Out.WriteLine($"steps         {episodes.Sum(e => e.StepCount)} (RLDS steps; transitions {episodes.Sum(e => e.Length)})");
        if (!info.HasRewards)
        {
            ctx.Out.WriteLine("return        unknown: imported without rewards (a study using this file gives reference_return)");
        }
        else if (episodes.Count > 0)
        {
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"return        mean {episodes.Average(e => e.Return()):F2}, min {episodes.Min(e => e.Return()):F2}, max {episodes.Max(e => e.Return()):F2}"));
        }
        return ExitCodes.Ok;
    }

    /// <summary>"noise=0.1,correlation=0.9" → a hyperparameter set (numbers where they parse, strings otherwise).</summary>
    internal static HyperparameterSet ParseParameters(string? text, string command)
    {
        if (string.IsNullOrWhiteSpace(text)) return HyperparameterSet.Empty;
        var values = new List<KeyValuePair<string, HpValue>>();
        foreach (string pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = pair.IndexOf('=');
            if (eq <= 0) throw new UsageException($"--params expects name=value pairs separated by commas, got '{pair}'", command);
            string name = pair[..eq].Trim(), raw = pair[(eq + 1)..].Trim();
            var value = double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) ? HpValue.Of(number) : HpValue.Of(raw);
            values.Add(new(name, value));
        }
        return new HyperparameterSet(values);
    }
}
