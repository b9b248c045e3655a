using HpProxy.Core.Analysis;
using HpProxy.Core.Tests.Fixtures;

namespace HpProxy.Core.Tests.Analysis;

public class RankCorrelationTests
{
    public static TheoryData<int> Cases() => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScipyOnReferenceValues(int index)
    {
        var c = ReferenceValues.Root.GetProperty("rank_correlation")[index];
        var x = ReferenceValues.Doubles(c.GetProperty("x"));
        var y = ReferenceValues.Doubles(c.GetProperty("y"));
        Assert.Equal(c.GetProperty("spearman").GetDouble(), RankCorrelation.Spearman(x, y), 12);
        Assert.Equal(c.GetProperty("kendall_tau_b").GetDouble(), RankCorrelation.KendallTauB(x, y), 12);
        Assert.Equal(ReferenceValues.Doubles(c.GetProperty("ranks_x_average_ties")), RankCorrelation.AverageRanks(x));
    }

    [Fact]
    public void PerfectAndReversedOrders()
    {
        double[] x = [1, 2, 3, 4, 5];
        double[] up = [10, 20, 30, 40, 50];
        double[] down = [5, 4, 3, 2, 1];
        Assert.Equal(1.0, RankCorrelation.Spearman(x, up), 12);
        Assert.Equal(1.0, RankCorrelation.KendallTauB(x, up), 12);
        Assert.Equal(-1.0, RankCorrelation.Spearman(x, down), 12);
        Assert.Equal(-1.0, RankCorrelation.KendallTauB(x, down), 12);
    }

    [Fact]
    public void DropsPairsWithNaN()
    {
        double[] x = [1, double.NaN, 2, 3, 4];
        double[] y = [1, 100, 2, double.NaN, 3];
        // Remaining pairs (1,1), (2,2), (4,3): perfectly concordant.
        Assert.Equal(1.0, RankCorrelation.Spearman(x, y), 12);
        Assert.Equal(1.0, RankCorrelation.KendallTauB(x, y), 12);
    }

    [Fact]
    public void UndefinedCasesAreNaN()
    {
        Assert.True(double.IsNaN(RankCorrelation.Spearman([1.0], [2.0])));
        Assert.True(double.IsNaN(RankCorrelation.KendallTauB([1.0], [2.0])));
        Assert.True(double.IsNaN(RankCorrelation.Spearman([1.0, 1, 1], [1.0, 2, 3])));
        Assert.True(double.IsNaN(RankCorrelation.KendallTauB([1.0, 2, 3], [4.0, 4, 4])));
        Assert.True(double.IsNaN(RankCorrelation.Spearman([double.NaN, 1], [1.0, double.NaN])));
    }

    [Fact]
    public void InfinitiesAreOrderedNotNaN()
    {
        double[] x = [double.NegativeInfinity, 0, double.PositiveInfinity, double.PositiveInfinity];
        double[] y = [1, 2, 3, 3];
        Assert.Equal(1.0, RankCorrelation.KendallTauB(x, y), 12);
        Assert.Equal(1.0, RankCorrelation.Spearman(x, y), 12);
    }

    [Fact]
    public void RejectsMismatchedLengths() =>
        Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman([1.0, 2], [1.0]));
}
