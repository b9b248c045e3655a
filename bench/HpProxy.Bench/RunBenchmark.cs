using System.Diagnostics;
using System.Globalization;
using HpProxy.Core.Runs;
using HpProxy.Core.Studies;
using HpProxy.Scheduling.Catalog;

namespace HpProxy.Bench;

/// <summary>
/// Wall time of real runs: `run studies/quickstart.yaml [--per-algorithm N]` executes the first N planned runs of
/// each (task, algorithm) of a study in this process, one thread, and prints seconds per run and steps per second.
/// </summary>
public static class RunBenchmark
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: run <study.yaml> [--per-algorithm N]");
            return 2;
        }
        int perAlgorithm = args.Length >= 3 && args[1] == "--per-algorithm" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var catalog = ProductCatalog.Default;
        var load = StudyLoader.Load(args[0], File.ReadAllText(args[0]), catalog);
        if (!load.IsValid)
        {
            foreach (var e in load.Errors) Console.Error.WriteLine(e);
            return 2;
        }
        var plan = StudyPlanner.Plan(load.Study!);
        Console.WriteLine("task | algorithm | budget | seconds/run | steps/s | final normalised score | status");
        Console.WriteLine("---|---|---|---|---|---|---");
        foreach (var group in plan.Runs.GroupBy(r => (r.Spec.Task, r.Spec.Algorithm)))
        {
            foreach (var run in group.Take(perAlgorithm))
            {
                var spec = run.Spec;
                var references = ReferenceMeter.Measure(catalog.Services, spec.Task, spec.Demonstrations);
                var clock = Stopwatch.StartNew();
                var outcome = new RunExecutor(catalog.Services).Execute(spec, references, null, CancellationToken.None);
                double seconds = clock.Elapsed.TotalSeconds;
                string score = outcome.Checkpoints.Count > 0 ? outcome.Checkpoints[^1].NormalizedScore.ToString("F2", CultureInfo.InvariantCulture) : "-";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{spec.Task} | {spec.Algorithm} | {spec.Budget} | {seconds:F2} | {spec.Budget / seconds:F0} | {score} | {(outcome.Succeeded ? "ok" : outcome.FailureReason)}"));
            }
        }
        return 0;
    }
}
