using System.Diagnostics;
using System.Globalization;
using HpProxy.Cli.Parsing;
using HpProxy.Core.Experts;
using HpProxy.Scheduling.Catalog;

namespace HpProxy.Cli.Commands;

/// <summary>
/// <c>hpproxy expert train &lt;task&gt; [--steps N] [--out FILE]</c>: trains SAC on the task's true reward and saves
/// the actor as a versioned artifact (default <c>experts/&lt;task&gt;.expert</c>), which then serves as the task's
/// "sac-expert" demonstrator. The final return (and the score against a scripted demonstrator, if the task has
/// one) is stored in the artifact, so a weak expert is visible as weak.
/// </summary>
public static class ExpertCommand
{
    public const long DefaultSteps = 1_000_000; // SAC paper's MuJoCo budget (Haarnoja et al. 2018, Fig. 1)

    public static CommandSpec Spec { get; } = new("expert",
        "train a SAC expert on the TRUE reward of a task and save it as its 'sac-expert' demonstrator (expert train <task>)",
        ["action", "task"],
        [GroundTruthOptions.Steps, new("out", "FILE", "artifact path (default: experts/<task>.expert)"), GroundTruthOptions.Seed,
            GroundTruthOptions.Checkpoints, GroundTruthOptions.Episodes, GroundTruthOptions.HiddenUnits, GroundTruthOptions.BatchSize]);

    public static (GroundTruthOptions Options, string Out) Parse(ParsedCommand cmd)
    {
        if (cmd.Positionals.Count != 2 || cmd.Positional(0) != "train")
            throw new UsageException("expected: expert train <task>", cmd.Name);
        var options = GroundTruthOptions.Parse(cmd, cmd.Positional(1), "sac", DefaultSteps);
        string output = cmd.Value("out") ?? ExpertRegistry.PathFor("experts", options.Task);
        return (options, output);
    }

    /// <summary>Where a training keeps its best actor so far (<c>&lt;out&gt;.partial</c>).</summary>
    public static string PartialPath(string output) => output + ".partial";

    public static int Execute(ParsedCommand cmd, CliContext ctx) => Execute(cmd, ctx, ProductCatalog.Default, CancellationToken.None);

    public static int Execute(ParsedCommand cmd, CliContext ctx, ProductCatalog catalog, CancellationToken cancellationToken)
    {
        var (options, output) = Parse(cmd);
        var createTask = GroundTruthOptions.TaskFactory(catalog, options.Task, cmd.Name);
        var clock = Stopwatch.StartNew();
        // Score against another demonstrator only (never against an older copy of the expert being trained).
        var setup = GroundTruthSetup.Create(createTask, GroundTruthOptions.Demonstrator(options.Task, TrainedPolicyDemonstrator.DemonstratorName));
        var c = options.Config;
        ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"expert: SAC on the TRUE reward of {options.Task}, {c.Steps} steps, seed {c.Seed}; random return {setup.RandomReturn:F2}"));
        // The best actor so far waits beside the output until the end: a stopped or crashed training keeps it (rename the
        // file to use it), while the output itself is only ever the finished training's best.
        string partial = PartialPath(output);
        ctx.Out.WriteLine($"the best checkpoint so far is kept in {partial} while training runs");
        ctx.Out.WriteLine(GroundTruthOptions.Header);
        var (artifact, checkpoints) = ExpertTrainer.Train(createTask, c, setup, GroundTruthOptions.Printer(ctx.Out, clock), cancellationToken,
            best => best.Save(partial));
        string sha = artifact.Save(output);
        File.Delete(partial);
        long bytes = new FileInfo(output).Length;
        ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"saved {output} ({bytes / 1024.0:F0} KiB, sha256 {sha}): the best evaluation, return {artifact.Training.Return:F2} at step {artifact.Training.Steps} of {checkpoints[^1].Step} (last: {checkpoints[^1].Return:F2})"));
        return ExitCodes.Ok;
    }
}
