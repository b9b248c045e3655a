using System.Globalization;
using HpProxy.Core.Runs;
using HpProxy.Storage;

namespace HpProxy.Reports.Tests;

/// <summary>The report over the product's SQLite study store (not the fake): planned, claimed, completed runs.</summary>
public sealed class SqliteStoreReportTests
{
    [Fact]
    public void ReportsFromARealStudyDatabase()
    {
        using var dir = new TempDir();
        using (var store = StudyStoreFactory.Open(dir.Path, "sqlite-study"))
        {
            store.SaveStudy("sqlite-study", new string('a', 64), "name: sqlite-study\n", "v-test");
            var planned = new List<PlannedRun>();
            for (int c = 0; c < 6; c++)
            {
                for (int s = 0; s < 2; s++)
                {
                    string spec = string.Create(CultureInfo.InvariantCulture, $$$"""{"hyperparameters":{"learning_rate":{{{0.001 * (c + 1)}}}}}""");
                    planned.Add(new PlannedRun($"run-{c}-{s}", "pendulum", "synthetic", "bc", $"c{c}", s, spec));
                }
            }
            Assert.Equal(12, store.AddRuns(planned));
            foreach (var run in planned)
            {
                var claim = store.TryClaim(run.RunId, "test-worker", TimeSpan.FromMinutes(1))!;
                int c = int.Parse(run.ConfigId[1..], CultureInfo.InvariantCulture);
                var checkpoints = Enumerable.Range(0, 2).Select(k =>
                {
                    double score = (c + 1) / 6.0 * (k + 1) / 2.0;
                    return new CheckpointResult(k, 100 * (k + 1), score * 10, score,
                        new Dictionary<string, double> { ["state_wasserstein"] = 1 - score, ["action_mse"] = (c % 3) + 0.1 * k }, 1.0);
                }).ToList();
                if (run.RunId == "run-5-1") Assert.True(store.CompleteFailed(claim, "timeout after 600 s", checkpoints[..1], 600));
                else Assert.True(store.CompleteSucceeded(claim, checkpoints, 2.5));
            }
        }

        using var reopened = StudyStoreFactory.Open(dir.Path, "sqlite-study");
        var result = ReportBuilder.Build(reopened, Path.Combine(dir.Path, "sqlite-study", "report"), new ReportOptions { CodeVersion = "v-report", B = 50, Figures = false });

        string[] csv = File.ReadAllLines(result.CorrelationsCsv);
        Assert.Equal(3, csv.Length); // header + action_mse + state_wasserstein
        Assert.StartsWith("pendulum,synthetic,bc,state_wasserstein,lower,1.000000,", csv[2]);
        string md = File.ReadAllText(result.ReportMarkdown);
        Assert.Contains("timeout after 600 s", md);
        Assert.Contains("succeeded 11, failed 1", md);
        Assert.Contains("| study file SHA-256 | " + new string('a', 64) + " |", md);
        Assert.StartsWith("bc with synthetic demonstrations: state\\_wasserstein correlates best", md.Split('\n').First(l => l.StartsWith("- bc", StringComparison.Ordinal))[2..]);
    }
}
