using System.Globalization;
using System.Text.Json;
using HpProxy.Core.Analysis;
using HpProxy.Core.Proxies;
using HpProxy.Storage;

namespace HpProxy.Reports.Tests.Analysis;

/// <summary>End to end: configurations whose proxy is x and whose score is y must appear in correlations.csv with
/// scipy's ρ and τ-b (fixtures from scipy.stats), negated for a lower-is-better proxy.</summary>
public sealed class CorrelationKnownValueTests
{
    public static TheoryData<double[], double[], double, double> Cases()
    {
        var data = new TheoryData<double[], double[], double, double>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "rank_correlation.json")));
        foreach (var c in doc.RootElement.GetProperty("rank_correlation").EnumerateArray())
        {
            data.Add(Values(c, "x"), Values(c, "y"), c.GetProperty("spearman").GetDouble(), c.GetProperty("kendall_tau_b").GetDouble());
        }
        return data;
    }

    private static double[] Values(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    [Theory]
    [MemberData(nameof(Cases))]
    public void CsvCarriesScipyValues(double[] x, double[] y, double spearman, double kendall)
    {
        var runs = new List<RunRecord>();
        var rows = new List<CheckpointRow>();
        for (int i = 0; i < x.Length; i++)
        {
            string id = "r" + i.ToString(CultureInfo.InvariantCulture);
            runs.Add(new RunRecord(id, "t", "d", "bc", "c" + i.ToString("000", CultureInfo.InvariantCulture), 0, RunState.Succeeded, null, null, 1, null, 1, "{}"));
            rows.Add(new CheckpointRow(id, "t", "d", "bc", "c" + i.ToString("000", CultureInfo.InvariantCulture), 0, 0, 100, y[i], y[i],
                new Dictionary<string, double> { ["up"] = x[i], ["down"] = -x[i] }));
        }
        using var dir = new TempDir();
        var options = new ReportOptions
        {
            B = 50,
            Figures = false,
            ProxyDirections = new Dictionary<string, ProxyDirection> { ["up"] = ProxyDirection.HigherIsBetter, ["down"] = ProxyDirection.LowerIsBetter },
        };
        var result = ReportBuilder.Build(new FakeStudyStore(null, runs, rows), dir.Path, options);
        var lines = File.ReadAllLines(result.CorrelationsCsv).Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var cells in lines)
        {
            Assert.Equal(spearman, double.Parse(cells[5], CultureInfo.InvariantCulture), 6);
            Assert.Equal(kendall, double.Parse(cells[8], CultureInfo.InvariantCulture), 6);
            Assert.Equal(x.Length.ToString(CultureInfo.InvariantCulture), cells[11]);
        }
        Assert.Equal(["down", "up"], lines.Select(c => c[3]));
    }
}
