using System.Diagnostics;
using System.Globalization;
using HpProxy.Core.Agents;
using HpProxy.Core.Common;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Runs;
using HpProxy.Core.Spaces;

using HpProxy.Scheduling.Jobs;

namespace HpProxy.Bench;

/// <summary>
/// Training speed of every algorithm in <see cref="AlgorithmRegistry"/> at its default configuration, one thread:
/// environment steps per second (gradient steps per second for offline algorithms such as BC), bytes allocated per
/// step, and the CPU and wall time of a whole run extrapolated from a measured window.
/// <para>
/// Usage: <c>speed [--tasks pendulum,cartpole-swingup] [--algorithms gail,dac] [--window 500] [--run-steps 30000]</c>.
/// </para>
/// <para>
/// Phases of one measurement (the learner is built for a budget of <c>--run-steps</c>, so its replay is sized as in
/// a real run of that length):
/// setup (building the learner: networks, demonstration buffers, AQuaDem's candidate pre-training);
/// warm-up (online: the algorithm's <c>warmup_steps</c> random-action steps without updates, measured whole;
/// offline: none);
/// settle (200 steps with updates, not measured: tier-1 JIT and the first updates' cache misses);
/// window (<c>--window</c> steps with updates, measured: thread CPU time, wall time, allocated bytes).
/// Extrapolated run time = setup + warm-up + (run steps − warm-up) × window time / window steps. Per-step cost is
/// constant after the warm-up (fixed batch sizes; replay sampling is O(batch) whatever the fill), so the
/// extrapolation is linear. Checkpoint evaluations are excluded (RunExecutor's, ≈ 10 episodes of batch-1 actor
/// forwards per checkpoint: tens of milliseconds).
/// </para>
/// </summary>
public static class AlgorithmSpeedBench
{
    private const int SettleSteps = 200;

    public static int Run(string[] args)
    {
        var tasks = Option(args, "--tasks")?.Split(',') ?? ["pendulum", "cartpole-swingup"];
        var names = Option(args, "--algorithms")?.Split(',') ?? AlgorithmRegistry.All.Select(a => a.Name).ToArray();
        long window = long.Parse(Option(args, "--window") ?? "500", CultureInfo.InvariantCulture);
        long runSteps = long.Parse(Option(args, "--run-steps") ?? "30000", CultureInfo.InvariantCulture);
        var algorithms = names.Select(n => AlgorithmRegistry.Find(n) ?? throw new ArgumentException($"unknown algorithm '{n}'")).ToArray();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Default configurations, one thread, window {window} steps after warm-up + {SettleSteps} settle steps; extrapolated to {runSteps} steps."));
        Console.WriteLine("| task | algorithm | unit | setup CPU s | warm-up steps | steps/s (CPU) | steps/s (wall) | CPU ms/step | B/step | run CPU (extrap.) | run wall (extrap.) |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (string task in tasks)
            foreach (var algorithm in algorithms)
                Console.WriteLine(Measure(algorithm, task, window, runSteps));
        return 0;
    }

    private static string Measure(IAlgorithm algorithm, string taskName, long window, long runSteps)
    {
        var classic = new ClassicControlTasks();
        var demonstrator = Demonstrators.Create(taskName, Demonstrators.Scripted, Demonstrators.CleanRegime, HyperparameterSet.Empty);
        // 10 training episodes, as the shipped studies' demonstration sets (studies/quickstart.yaml).
        var recorded = DemoGenerator.Generate(classic.Create(taskName), demonstrator, 10, seed: 1);
        var info = classic.Create(taskName).Info;
        var demos = new DemonstrationSet("bench", info.ObservationSize, info.ActionSize, recorded.Select(e => e.ToTrajectory()).ToArray());
        var training = classic.Create(taskName);
        var context = new AgentContext(training.Info, new RewardFreeEnvironment(training), demos, ObservationStats.FromDemonstrations(demos),
            new SeedStreams(7), runSteps, HyperparameterSet.Empty);

        var setup = Segment.Time(() => algorithm.Create(context), out var learner);
        long warmup = algorithm.IsOnline ? WarmupSteps(algorithm) : 0;
        var warm = Segment.Time(() => learner.TrainUntil(warmup, CancellationToken.None));
        learner.TrainUntil(warmup + SettleSteps, CancellationToken.None);
        long start = learner.StepsDone;
        var measured = Segment.Time(() => learner.TrainUntil(start + window, CancellationToken.None));

        double steps = learner.StepsDone - start;
        double cpuPerStep = measured.CpuSeconds / steps, wallPerStep = measured.WallSeconds / steps;
        double runCpu = setup.CpuSeconds + warm.CpuSeconds + (runSteps - warmup) * cpuPerStep;
        double runWall = setup.WallSeconds + warm.WallSeconds + (runSteps - warmup) * wallPerStep;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {taskName} | {algorithm.Name} | {(algorithm.IsOnline ? "env" : "grad")} | {setup.CpuSeconds:F2} | {warmup} | {1 / cpuPerStep:F0} | {1 / wallPerStep:F0} | {cpuPerStep * 1000:F2} | {measured.Bytes / steps:F0} | {Duration(runCpu)} | {Duration(runWall)} |");
    }

    /// <summary>The algorithm's default <c>warmup_steps</c> (the online loop's random-action phase).</summary>
    private static long WarmupSteps(IAlgorithm algorithm) =>
        (long)(algorithm.Hyperparameters.FirstOrDefault(h => h.Name == "warmup_steps")?.Default.Number ?? 0);

    private static string Duration(double seconds) =>
        seconds >= 60 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:F1} min") : string.Create(CultureInfo.InvariantCulture, $"{seconds:F0} s");

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>Thread CPU time, wall time and bytes allocated by this thread during one call.</summary>
    private readonly record struct Segment(double CpuSeconds, double WallSeconds, long Bytes)
    {
        public static Segment Time(Action action)
        {
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            double cpu = ThreadCpuClock.NowMs();
            long wall = Stopwatch.GetTimestamp();
            action();
            return new((ThreadCpuClock.NowMs() - cpu) / 1000, Stopwatch.GetElapsedTime(wall).TotalSeconds,
                GC.GetAllocatedBytesForCurrentThread() - bytes);
        }

        public static Segment Time<T>(Func<T> func, out T result)
        {
            T value = default!;
            var segment = Time(() => value = func());
            result = value;
            return segment;
        }
    }
}
