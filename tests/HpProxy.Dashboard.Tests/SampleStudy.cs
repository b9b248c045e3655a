using System.Globalization;
using HpProxy.Core.Agents;
using HpProxy.Core.Analysis;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Dashboard.Tests;

/// <summary>The dashboard tests' sample study, held in the shared in-memory store (<see cref="FakeStudyStore"/>).</summary>
public static class SampleStudy
{
    /// <summary>A study: tasks × algorithms × configs × seeds; the first <paramref name="succeeded"/> runs done
    /// (wall 10 s, 2 checkpoints, proxy = 1 − score), the next one failed, one running, the rest pending.</summary>
    public static FakeStudyStore Create(int configs = 4, int seeds = 2, int succeeded = 6, string task = "pendulum")
    {
        var store = new FakeStudyStore();
        int n = 0;
        foreach (string algorithm in new[] { "bc", "gail" })
        {
            for (int c = 0; c < configs; c++)
            {
                for (int s = 0; s < seeds; s++, n++)
                {
                    string id = $"{algorithm}-c{c}-s{s}";
                    string config = "c" + c.ToString(CultureInfo.InvariantCulture);
                    var state = n < succeeded ? RunState.Succeeded : n == succeeded ? RunState.Failed : n == succeeded + 1 ? RunState.Running : RunState.Pending;
                    string spec = $$$"""{"hyperparameters":{"learning_rate":{{{(c + 1) * 0.001}}},"activation":"relu"}}""";
                    var run = new RunRecord(id, task, "synthetic", algorithm, config, s, state, state == RunState.Running ? "w1" : null, null,
                        state == RunState.Pending ? 0 : 1, state == RunState.Failed ? "diverged: <NaN> & exploded" : null,
                        state is RunState.Succeeded or RunState.Failed ? 10.0 : null, spec);
                    var rows = state == RunState.Succeeded
                        ? Enumerable.Range(0, 2).Select(k =>
                        {
                            double score = (c + 1.0) / configs * (k + 1) / 2.0;
                            return new CheckpointRow(id, task, "synthetic", algorithm, config, s, k, 100 * (k + 1), score * 100, score,
                                new Dictionary<string, double> { ["state_wasserstein"] = 1 - score, ["action_mse"] = double.NaN });
                        }).ToArray()
                        : [];
                    store.Add(run, rows);
                }
            }
        }
        store.Workers.Add(new WorkerInfo("w1", 4242, "host-a", "bc-c0-s0", DateTimeOffset.UnixEpoch));
        return store;
    }

    /// <summary>Adds run "bc-old": a real BC spec that sets learning_rate 0.002, finished by a worker whose BC default
    /// batch size was 17 (this code's is not), so the dashboard has a run trained with another default.</summary>
    public static FakeStudyStore WithARunOfAnotherDefault(this FakeStudyStore store)
    {
        var given = new HyperparameterSet([KeyValuePair.Create("learning_rate", HpValue.Of(0.002))]);
        var spec = new RunSpec("pendulum", new DemoSpec("synthetic", "scripted", "synthetic", HyperparameterSet.Empty, 5, 2, 1), "bc", "old",
            given, 0, 100, 2, new EvaluationSpec(2, 5), []);
        store.Add(new RunRecord("bc-old", "pendulum", "synthetic", "bc", "old", 0, RunState.Succeeded, null, null, 1, null, 10.0, RunSpecJson.Serialize(spec))
        {
            ResolvedHyperparameters = RecordedConfiguration.Of("bc", given, ("batch_size", 17)),
        });
        return store;
    }

    /// <summary>This code's BC default batch size, as the warning names it.</summary>
    public static string BcDefaultBatchSize => AlgorithmRegistry.Find("bc")!.Hyperparameters.Single(h => h.Name == "batch_size").Default.ToString();
}
