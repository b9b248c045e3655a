using HpProxy.Core.Analysis;

namespace HpProxy.Core.Tests.Analysis;

public class StatisticsTests
{
    [Fact]
    public void QuantileInterpolatesLikeNumpy()
    {
        double[] v = [4, 1, 3, 2, double.NaN];
        // numpy.quantile([1, 2, 3, 4], [0.05, 0.5, 0.95]) = [1.15, 2.5, 3.85]
        Assert.Equal(1.15, Statistics.Quantile(v, 0.05), 12);
        Assert.Equal(2.5, Statistics.Quantile(v, 0.5), 12);
        Assert.Equal(3.85, Statistics.Quantile(v, 0.95), 12);
        Assert.Equal(2.5, Statistics.Mean(v), 12);
        Assert.True(double.IsNaN(Statistics.Quantile([double.NaN], 0.5)));
    }
}
