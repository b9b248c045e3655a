using HpProxy.Reports.Figures;

namespace HpProxy.Reports.Tests.Figures;

public sealed class CategoryTicksTests
{
    [Fact]
    public void Labels_that_fit_their_slot_stay_horizontal_without_tick_marks()
    {
        using var plot = new ScottPlot.Plot();
        CategoryTicks.Set(plot, ["oracle pick", "action_mse", "state_wasserstein", "random pick"]);
        Assert.Equal(0, plot.Axes.Bottom.TickLabelStyle.Rotation);
        Assert.Equal(0, plot.Axes.Bottom.MajorTickStyle.Length);
    }

    [Fact]
    public void Labels_too_long_for_their_slot_are_rotated_and_get_room()
    {
        using var plot = new ScottPlot.Plot();
        CategoryTicks.Set(plot, ["oracle pick", "reference_imitation_return", "state_action_wasserstein", "imitation_return", "rnd", "random pick"]);
        Assert.Equal(-30, plot.Axes.Bottom.TickLabelStyle.Rotation);
        Assert.Equal(ScottPlot.Alignment.UpperRight, plot.Axes.Bottom.TickLabelStyle.Alignment);
        Assert.True(plot.Axes.Bottom.MinimumSize > 100, $"{plot.Axes.Bottom.MinimumSize}");
    }
}
