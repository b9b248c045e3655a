using System.Diagnostics;
using System.Globalization;
using HpProxy.Core.Agents;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;
using HpProxy.Storage;

namespace HpProxy.Bench;

/// <summary>
/// The cost of judging every finished run's recorded configuration against this code's defaults
/// (<see cref="RunDefaultsCheck.Find"/>): what <c>run</c>, <c>resume</c>, <c>status</c> and the report pay once, and
/// the dashboard once per run. N FAIRL runs (36 hyperparameters, 5 set by the study), half recorded with the
/// pre-0010 gradient penalty. `dotnet run -c Release --project bench/HpProxy.Bench -- defaults [N]`.
/// </summary>
public static class DefaultsDriftBench
{
    public static int Run(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var fairl = AlgorithmRegistry.Find("fairl")!;
        var runs = new List<RunRecord>(n);
        for (int i = 0; i < n; i++)
        {
            var given = new HyperparameterSet([
                KeyValuePair.Create("learning_rate", HpValue.Of(1e-4 * (1 + i % 10))),
                KeyValuePair.Create("discriminator_learning_rate", HpValue.Of(1e-5 * (1 + i % 7))),
                KeyValuePair.Create("hidden_units", HpValue.Of(64)),
                KeyValuePair.Create("batch_size", HpValue.Of(128)),
                KeyValuePair.Create("mixup", HpValue.Of(i % 2 == 0 ? "true" : "false")),
            ]);
            var spec = new RunSpec("pendulum", new DemoSpec("synthetic", "scripted", "synthetic", HyperparameterSet.Empty, 10, 5, 1), "fairl",
                "c" + i.ToString(CultureInfo.InvariantCulture), given, 0, 10_000, 3, new EvaluationSpec(10, 5), []);
            var recorded = fairl.Resolve(given).ToDictionary(kv => kv.Key, kv => kv.Value);
            if (i % 2 == 0) recorded["gradient_penalty"] = HpValue.Of(0);
            runs.Add(new RunRecord("r" + i.ToString(CultureInfo.InvariantCulture), "pendulum", "synthetic", "fairl", spec.ConfigId, 0,
                RunState.Succeeded, null, null, 1, null, 1, RunSpecJson.Serialize(spec))
            {
                ResolvedHyperparameters = RunSpecJson.SerializeHyperparameters(new HyperparameterSet(recorded)),
            });
        }
        for (int repeat = 0; repeat < 3; repeat++)
        {
            var clock = Stopwatch.StartNew();
            var report = RunDefaultsCheck.Find(runs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{n} runs: {clock.Elapsed.TotalMilliseconds:F0} ms ({1000 * clock.Elapsed.TotalMilliseconds / n:F1} µs per run); {report.Runs} with changed defaults: {report.Describe()}"));
        }
        return 0;
    }
}
