using HpProxy.Core.Proxies;
using HpProxy.Reports.Figures;
using HpProxy.Reports.Model;

namespace HpProxy.Reports.Tests.Figures;

public class HeatmapFigureTests
{
    private static CorrelationView Cell(string algorithm, string proxy, double rho) =>
        new(new ReportGroup("pendulum", "synthetic", algorithm), proxy, ProxyDirection.LowerIsBetter, rho, rho, rho, rho, rho, rho, 1);

    [Fact]
    public void A_heatmap_where_every_correlation_is_undefined_still_renders()
    {
        // Every configuration of every algorithm failed or there is one configuration: ρ is NaN everywhere.
        var plot = HeatmapFigure.Create("pendulum", "synthetic",
            [Cell("bc", "action_mse", double.NaN), Cell("gail", "action_mse", double.NaN)], "footer");
        byte[] png = plot.GetImageBytes(400, 300, ScottPlot.ImageFormat.Png);
        Assert.True(png.Length > 1000);
        Assert.Contains("n/a", plot.GetSvgXml(400, 300));
    }
}
