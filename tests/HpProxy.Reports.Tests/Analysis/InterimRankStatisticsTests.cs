using System.Text.Json;
using HpProxy.Reports.Analysis;

namespace HpProxy.Reports.Tests.Analysis;

public sealed class InterimRankStatisticsTests
{
    public static TheoryData<double[], double[], double, double, double[]> Cases()
    {
        var data = new TheoryData<double[], double[], double, double, double[]>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "rank_correlation.json")));
        foreach (var c in doc.RootElement.GetProperty("rank_correlation").EnumerateArray())
        {
            data.Add(Array(c, "x"), Array(c, "y"), c.GetProperty("spearman").GetDouble(), c.GetProperty("kendall_tau_b").GetDouble(), Array(c, "ranks_x_average_ties"));
        }
        return data;
    }

    private static double[] Array(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScipy(double[] x, double[] y, double spearman, double kendall, double[] ranks)
    {
        Assert.Equal(spearman, InterimRankStatistics.Spearman(x, y), 12);
        Assert.Equal(kendall, InterimRankStatistics.KendallTauB(x, y), 12);
        Assert.Equal(ranks, InterimRankStatistics.AverageRanks(x));
    }

    [Fact]
    public void ConstantInputHasNoCorrelation()
    {
        Assert.True(double.IsNaN(InterimRankStatistics.Spearman([1, 1, 1], [1, 2, 3])));
        Assert.True(double.IsNaN(InterimRankStatistics.KendallTauB([1, 1, 1], [1, 2, 3])));
    }

    [Fact]
    public void PercentileInterpolatesLikeNumpy()
    {
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(1.15, InterimRankStatistics.Percentile(sorted, 0.05), 12);
        Assert.Equal(3.85, InterimRankStatistics.Percentile(sorted, 0.95), 12);
    }
}
