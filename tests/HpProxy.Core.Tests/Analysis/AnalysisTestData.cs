using HpProxy.Core.Analysis;

namespace HpProxy.Core.Tests.Analysis;

/// <summary>Builds stored rows by hand for analysis tests.</summary>
internal static class AnalysisTestData
{
    /// <summary>
    /// One row per (config, seed) as a single (last) checkpoint: config c has normalised score oracle[c] and
    /// proxy values proxies[name][c], identical across seeds.
    /// </summary>
    public static List<CheckpointRow> Pool(double[] oracle, Dictionary<string, double[]> proxies, string task = "t", string demos = "d",
        string algorithm = "a", int seeds = 1, string configPrefix = "c")
    {
        var rows = new List<CheckpointRow>();
        for (int c = 0; c < oracle.Length; c++)
        {
            for (int s = 0; s < seeds; s++)
            {
                var values = proxies.ToDictionary(p => p.Key, p => p.Value[c]);
                rows.Add(new CheckpointRow($"{task}/{demos}/{algorithm}/{c}/{s}", task, demos, algorithm, $"{configPrefix}{c:D3}", s, 0, 1000,
                    oracle[c] * 100, oracle[c], values));
            }
        }
        return rows;
    }

    public static CheckpointRow Checkpoint(string runId, string config, int index, double score, Dictionary<string, double> proxies,
        string task = "t", string demos = "d", string algorithm = "a", int seed = 0) =>
        new(runId, task, demos, algorithm, config, seed, index, 100 * (index + 1), score * 100, score, proxies);
}
