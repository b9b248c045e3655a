using System.Diagnostics;
using System.Globalization;
using HpProxy.Core.Agents;
using HpProxy.Core.Common;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Runs;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

using HpProxy.Scheduling.Jobs;

namespace HpProxy.Bench;

/// <summary>
/// Trains one agent on a classic task and reports steps/s and the true return of its deterministic policy
/// (measured here, outside Agents). Usage: <c>agents &lt;algorithm&gt; &lt;task&gt; &lt;steps&gt; [name=value ...]</c>,
/// e.g. <c>agents gail pendulum 15000 hidden_units=64 discriminator_hidden_units=64</c>.
/// </summary>
public static class AgentsBench
{
    public static int Run(string[] args)
    {
        if (args is ["list"]) return List();
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: agents <algorithm> <task> <steps> [name=value ...]");
            return 2;
        }
        var algorithm = AlgorithmRegistry.Find(args[0]) ?? throw new ArgumentException($"unknown algorithm '{args[0]}'");
        string taskName = args[1];
        long steps = long.Parse(args[2], CultureInfo.InvariantCulture);
        var hp = new HyperparameterSet(args[3..].Select(Parse));
        var problems = algorithm.Validate(hp);
        if (problems.Count > 0)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, problems));
            return 2;
        }

        var tasks = new ClassicControlTasks();
        var demonstrator = Demonstrators.Create(taskName, Demonstrators.Scripted, Demonstrators.CleanRegime, HyperparameterSet.Empty);
        var recorded = DemoGenerator.Generate(tasks.Create(taskName), demonstrator, 10, seed: 1);
        double expertReturn = recorded.Average(e => e.Rewards.Sum(r => r.Value));
        var info = tasks.Create(taskName).Info;
        var demos = new DemonstrationSet("bench", info.ObservationSize, info.ActionSize, recorded.Select(e => e.ToTrajectory()).ToArray());
        var training = tasks.Create(taskName);
        var context = new AgentContext(training.Info, new RewardFreeEnvironment(training), demos, ObservationStats.FromDemonstrations(demos),
            new SeedStreams(7), steps, hp);

        // Wall time mostly measures waiting for a core on a shared machine; thread CPU time is the cost of the code.
        var wall = Stopwatch.StartNew();
        double cpuStart = ThreadCpuClock.NowMs();
        var learner = algorithm.Create(context);
        double cpu = ThreadCpuClock.NowMs() - cpuStart, wallSeconds = wall.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"setup: {cpu / 1000:F2} s CPU"));
        int checkpoints = 5;
        for (int c = 1; c <= checkpoints; c++)
        {
            long before = learner.StepsDone;
            double t0 = ThreadCpuClock.NowMs();
            wall.Restart();
            learner.TrainUntil(steps * c / checkpoints, CancellationToken.None);
            double segmentCpu = (ThreadCpuClock.NowMs() - t0) / 1000;
            cpu += segmentCpu * 1000;
            wallSeconds += wall.Elapsed.TotalSeconds;
            var (_, ret) = RunExecutor.Evaluate(tasks.Create(taskName), learner.Policy, new EvaluationSpec(5, 99), CancellationToken.None);
            string diagnostics = string.Join(" ", learner.Diagnostics.OrderBy(d => d.Key).Select(d => $"{d.Key}={d.Value:G3}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{algorithm.Name} {taskName} step {learner.StepsDone}: {(learner.StepsDone - before) / segmentCpu:F0} steps/CPU-s in this segment, return {ret:F1} (expert {expertReturn:F1}) {diagnostics}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total: {cpu / 1000:F1} s CPU, {wallSeconds:F1} s wall, {steps / (cpu / 1000):F0} steps/CPU-s"));
        return 0;
    }

    /// <summary>Markdown table of every algorithm's hyperparameters (for docs).</summary>
    private static int List()
    {
        foreach (var algorithm in AlgorithmRegistry.All)
        {
            Console.WriteLine($"### {algorithm.Name} ({(algorithm.IsOnline ? "online, budget = environment steps" : "offline, budget = gradient steps")})");
            Console.WriteLine();
            Console.WriteLine("| name | default | suggested range | description |");
            Console.WriteLine("|---|---|---|---|");
            foreach (var h in algorithm.Hyperparameters)
                Console.WriteLine($"| `{h.Name}` | {h.Default} | {h.SuggestedRange} | {h.Description} |");
            Console.WriteLine();
        }
        return 0;
    }

    private static KeyValuePair<string, HpValue> Parse(string setting)
    {
        int eq = setting.IndexOf('=', StringComparison.Ordinal);
        string name = setting[..eq], text = setting[(eq + 1)..];
        return new(name, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? HpValue.Of(x) : HpValue.Of(text));
    }
}
