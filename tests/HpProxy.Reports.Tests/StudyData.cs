using System.Globalization;
using HpProxy.Core.Analysis;
using HpProxy.Storage;

namespace HpProxy.Reports.Tests;

/// <summary>
/// Hand-made study: per (task, algorithm), configurations c00..c(n−1) whose true quality q rises with the index.
/// state_wasserstein = 1 − q (lower is better, a perfect proxy), action_mse is q scrambled (a poor proxy) and rnd
/// is q plus a deterministic wobble (higher is better, a good proxy). Scores improve over three checkpoints except
/// for odd configurations, which peak at the middle one (so early stopping has something to find).
/// </summary>
public static class StudyData
{
    public static FakeStudyStore Create(string task = "pendulum", int configs = 10, int seeds = 2, string[]? algorithms = null, bool withFailure = true)
    {
        algorithms ??= ["bc", "gail"];
        var runs = new List<RunRecord>();
        var rows = new List<CheckpointRow>();
        int[] scramble = [3, 7, 1, 9, 0, 5, 8, 2, 6, 4];
        foreach (string algorithm in algorithms)
        {
            for (int c = 0; c < configs; c++)
            {
                double q = (c + 1.0) / configs * (algorithm == "bc" ? 0.8 : 1.0);
                string configId = "c" + c.ToString("00", CultureInfo.InvariantCulture);
                double lr = Math.Pow(10, -4 + 3.0 * c / configs);
                string activation = c % 2 == 0 ? "relu" : "tanh";
                string spec = string.Create(CultureInfo.InvariantCulture,
                    $$"""{"algorithm":"{{algorithm}}","hyperparameters":{"activation":"{{activation}}","learning_rate":{{lr:R}},"units":{{64 * (1 + c % 3)}}},"seed":0}""");
                for (int s = 0; s < seeds; s++)
                {
                    string runId = $"{algorithm}-{configId}-s{s}";
                    runs.Add(new RunRecord(runId, task, "synthetic-10", algorithm, configId, s, RunState.Succeeded, null, null, 1, null, 12.5, spec));
                    for (int k = 0; k < 3; k++)
                    {
                        double progress = c % 2 == 1 && k == 2 ? 0.5 : (k + 1) / 3.0;
                        double noise = 0.01 * ((s * 7 + c * 3 + k) % 5 - 2);
                        double score = q * progress + noise;
                        var proxies = new Dictionary<string, double>
                        {
                            ["state_wasserstein"] = 1.0 - score,
                            ["action_mse"] = (scramble[c % scramble.Length] + 1.0) / 10.0 + 0.001 * k,
                            ["rnd"] = score + 0.05 * Math.Sin(3.0 * c),
                        };
                        rows.Add(new CheckpointRow(runId, task, "synthetic-10", algorithm, configId, s, k, 1000L * (k + 1), 100 * score - 50, score, proxies));
                    }
                }
            }
        }
        if (withFailure)
        {
            runs.Add(new RunRecord("gail-c99-s0", task, "synthetic-10", algorithms[^1], "c99", 0, RunState.Failed, null, null, 2,
                "diverged: NaN in critic loss at step 1200", 3.0, "{}"));
            rows.Add(new CheckpointRow("gail-c99-s0", task, "synthetic-10", algorithms[^1], "c99", 0, 0, 1000, -500, -5.0,
                new Dictionary<string, double> { ["state_wasserstein"] = 0.0, ["action_mse"] = 0.0, ["rnd"] = 9.0 }));
            runs.Add(new RunRecord("bc-c98-s1", task, "synthetic-10", algorithms[0], "c98", 1, RunState.Pending, null, null, 0, null, null, "{}"));
        }
        var study = new StudyInfo("unit-study", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "name: unit-study\n", "v0.0-test", DateTimeOffset.UnixEpoch);
        return new FakeStudyStore(study, runs, rows);
    }

    /// <summary>A winner's-curse follow-up of <paramref name="original"/> ("unit-followup"): every bc configuration
    /// re-run on seeds 2 and 3 with score 0.42 everywhere; gail not at all.</summary>
    public static FakeStudyStore BcFollowUp(FakeStudyStore original)
    {
        var runs = new List<RunRecord>();
        var rows = new List<CheckpointRow>();
        foreach (var config in original.GetRuns().Where(r => r.Algorithm == "bc" && r.State == RunState.Succeeded).Select(r => r.ConfigId).Distinct())
        {
            foreach (int seed in new[] { 2, 3 })
            {
                string id = $"f-{config}-{seed}";
                runs.Add(new RunRecord(id, "pendulum", "synthetic-10", "bc", config, seed, RunState.Succeeded, null, null, 1, null, 1, "{}"));
                rows.Add(new CheckpointRow(id, "pendulum", "synthetic-10", "bc", config, seed, 0, 1000, 0, 0.42, new Dictionary<string, double> { ["rnd"] = 0 }));
            }
        }
        return new FakeStudyStore(new StudyInfo("unit-followup", "", "", "", DateTimeOffset.UnixEpoch), runs, rows);
    }
}
