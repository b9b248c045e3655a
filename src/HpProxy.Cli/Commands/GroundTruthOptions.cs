using System.Diagnostics;
using System.Globalization;
using HpProxy.Cli.Parsing;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Experts;
using HpProxy.Core.Spaces;
using HpProxy.Scheduling.Catalog;

namespace HpProxy.Cli.Commands;

/// <summary>The options shared by <c>sanity</c> and <c>expert train</c>, parsed and checked.</summary>
public sealed record GroundTruthOptions(string Task, GroundTruthConfig Config)
{
    public static readonly OptionSpec Steps = new("steps", "N", "environment steps of training (default: 20000 for sanity, 1000000 for an expert)");
    public static readonly OptionSpec Seed = new("seed", "S", "root seed of the run (default 0)");
    public static readonly OptionSpec Checkpoints = new("checkpoints", "K", "evaluations during training, the last at the end (default 10)");
    public static readonly OptionSpec Episodes = new("episodes", "E", "deterministic evaluation episodes per checkpoint (default 10)");
    public static readonly OptionSpec HiddenUnits = new("hidden-units", "H", "units per hidden layer of actor and critics (default 256)");
    public static readonly OptionSpec BatchSize = new("batch-size", "B", "transitions per update (default 256)");

    public static GroundTruthOptions Parse(ParsedCommand cmd, string task, string backbone, long defaultSteps)
    {
        var hp = new Dictionary<string, HpValue>(StringComparer.Ordinal);
        if (cmd.Value(HiddenUnits.Name) is not null) hp["hidden_units"] = HpValue.Of(cmd.Int(HiddenUnits.Name, 256, min: 1, max: 4096));
        if (cmd.Value(BatchSize.Name) is not null) hp["batch_size"] = HpValue.Of(cmd.Int(BatchSize.Name, 256, min: 1, max: 4096));
        var config = new GroundTruthConfig
        {
            Backbone = backbone,
            Steps = Long(cmd, Steps.Name, defaultSteps, 1, 100_000_000),
            Seed = (ulong)Long(cmd, Seed.Name, 0, 0, long.MaxValue),
            Checkpoints = cmd.Int(Checkpoints.Name, 10, min: 1, max: 1000),
            EvaluationEpisodes = cmd.Int(Episodes.Name, 10, min: 1, max: 10_000),
            Hyperparameters = new HyperparameterSet(hp),
        };
        if (config.Checkpoints > config.Steps) throw new UsageException($"--checkpoints ({config.Checkpoints}) exceeds --steps ({config.Steps})", cmd.Name);
        return new GroundTruthOptions(task, config);
    }

    private static long Long(ParsedCommand cmd, string name, long fallback, long min, long max)
    {
        string? text = cmd.Value(name);
        if (text is null) return fallback;
        // Accept 1e6-style budgets too, as study files do.
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n)
            || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d == Math.Floor(d) && Math.Abs(d) < 9e18 && (n = (long)d) == d))
        {
            if (n >= min && n <= max) return n;
        }
        throw new UsageException($"--{name} must be an integer between {min} and {max}, not '{text}'", cmd.Name);
    }

    /// <summary>The task factory of the product catalog, or a usage error naming the known tasks.</summary>
    public static Func<IEnvironment> TaskFactory(ProductCatalog catalog, string task, string command)
    {
        if (!catalog.HasTask(task))
            throw new UsageException($"unknown task '{task}'; known: {string.Join(", ", catalog.TaskNames)}", command);
        return () => catalog.CreateTask(task);
    }

    /// <summary>A clean demonstrator of the task for the reference scale, preferring <paramref name="preferred"/>; null if none.</summary>
    public static IDemonstrator? Demonstrator(string task, params string[] excluded)
    {
        var names = Demonstrators.NamesFor(task).Where(n => !excluded.Contains(n)).ToArray();
        return names.Length == 0 ? null : Demonstrators.Create(task, names[0], Demonstrators.CleanRegime, HyperparameterSet.Empty);
    }

    /// <summary>Prints one line per checkpoint: step, return, normalised score, elapsed wall seconds.</summary>
    public static Action<GroundTruthCheckpoint> Printer(TextWriter output, Stopwatch clock) => c =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{c.Step,10} {c.Return,12:F2} {(double.IsNaN(c.NormalizedScore) ? "n/a" : c.NormalizedScore.ToString("F3", CultureInfo.InvariantCulture)),8} {clock.Elapsed.TotalSeconds,9:F1}"));

    public const string Header = "      step       return    score   elapsed_s";
}
