using HpProxy.Scheduling.Coordination;

namespace HpProxy.Scheduling.Tests.Coordination;

public sealed class RateEstimatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rate_and_eta_follow_the_samples()
    {
        var r = new RateEstimator();
        r.Add(T0, 0);
        Assert.Null(r.RunsPerMinute);
        Assert.Null(r.Eta(10));

        r.Add(T0.AddMinutes(2), 6);

        Assert.Equal(3.0, r.RunsPerMinute!.Value, 12);
        Assert.Equal(TimeSpan.FromMinutes(4), r.Eta(12));
        Assert.Equal(TimeSpan.Zero, r.Eta(0));
    }

    [Fact]
    public void Old_samples_leave_the_window()
    {
        var r = new RateEstimator(TimeSpan.FromMinutes(10));
        r.Add(T0, 0);
        r.Add(T0.AddMinutes(1), 100); // a burst long ago
        for (int m = 2; m <= 30; m++) r.Add(T0.AddMinutes(m), 100 + (m - 1));

        // Only the last ~10 minutes count: one run per minute, not the burst.
        Assert.Equal(1.0, r.RunsPerMinute!.Value, 12);
    }
}
