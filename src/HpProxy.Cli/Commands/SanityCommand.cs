using System.Diagnostics;
using System.Globalization;
using HpProxy.Cli.Parsing;
using HpProxy.Core.Agents.Online;
using HpProxy.Core.Experts;
using HpProxy.Scheduling.Catalog;

namespace HpProxy.Cli.Commands;

/// <summary>
/// <c>hpproxy sanity &lt;sac|td3&gt; &lt;task&gt;</c>: the ground-truth sanity mode (issue 3). Trains the online
/// algorithms' RL backbone on the task's TRUE reward and prints the normalised score per checkpoint, so a broken
/// backbone can be told apart from a broken imitation reward. A diagnostic only: it is never part of a study
/// and writes nothing to any study store.
/// </summary>
public static class SanityCommand
{
    public const long DefaultSteps = 20_000;

    public static CommandSpec Spec { get; } = new("sanity",
        "train the RL backbone (sac|td3) on the TRUE reward and print the normalised score per checkpoint (diagnostic, never in a study)",
        ["backbone", "task"],
        [GroundTruthOptions.Steps, GroundTruthOptions.Seed, GroundTruthOptions.Checkpoints, GroundTruthOptions.Episodes, GroundTruthOptions.HiddenUnits, GroundTruthOptions.BatchSize]);

    public static GroundTruthOptions Parse(ParsedCommand cmd)
    {
        if (cmd.Positionals.Count != 2) throw new UsageException("expected <backbone> <task>", cmd.Name);
        string backbone = cmd.Positional(0);
        if (!OffPolicyRl.Backbones.Contains(backbone))
            throw new UsageException($"unknown backbone '{backbone}'; known: {string.Join(", ", OffPolicyRl.Backbones)}", cmd.Name);
        return GroundTruthOptions.Parse(cmd, cmd.Positional(1), backbone, DefaultSteps);
    }

    public static int Execute(ParsedCommand cmd, CliContext ctx) => Execute(cmd, ctx, ProductCatalog.Default, CancellationToken.None);

    public static int Execute(ParsedCommand cmd, CliContext ctx, ProductCatalog catalog, CancellationToken cancellationToken)
    {
        var options = Parse(cmd);
        var createTask = GroundTruthOptions.TaskFactory(catalog, options.Task, cmd.Name);
        var clock = Stopwatch.StartNew();
        var setup = GroundTruthSetup.Create(createTask, GroundTruthOptions.Demonstrator(options.Task));
        var trainer = new GroundTruthTrainer(createTask, options.Config, setup);
        var c = options.Config;
        ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sanity: {c.Backbone} on the TRUE reward of {options.Task}, {c.Steps} steps, seed {c.Seed}, {c.EvaluationEpisodes} evaluation episodes per checkpoint"));
        ctx.Out.WriteLine(setup.References is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"reference returns: random {r.Random:F2}, demonstrator {r.Expert:F2} (score 0 = random, 1 = demonstrator)")
            : string.Create(CultureInfo.InvariantCulture, $"reference returns: random {setup.RandomReturn:F2}; no demonstrator for this task, so no normalised score"));
        ctx.Out.WriteLine(GroundTruthOptions.Header);
        trainer.Run(GroundTruthOptions.Printer(ctx.Out, clock), cancellationToken);
        return ExitCodes.Ok;
    }
}
