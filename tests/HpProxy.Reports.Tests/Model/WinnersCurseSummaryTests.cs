using HpProxy.Reports.Model;

namespace HpProxy.Reports.Tests.Model;

public sealed class WinnersCurseSummaryTests
{
    private static readonly ReportGroup Pendulum = new("pendulum", "synthetic", "bc");
    private static readonly ReportGroup Cartpole = new("cartpole", "synthetic", "bc");

    private static WinnersCurseView Row(ReportGroup g, string proxy, double proxySel, double proxyFresh, double oracleSel, double oracleFresh) =>
        new(g, proxy, FollowUp: true, K: 10, Pool: 10, SelectionSeeds: 1, FreshSeeds: 3, proxySel, proxyFresh, oracleSel, oracleFresh, "c1", "c2");

    [Fact]
    public void States_the_measured_drops_and_the_fresh_seed_comparison_with_the_oracle_pick()
    {
        // Oracle: pendulum 1.00 → 0.80 (drop 0.20), cart-pole 0.90 → 0.80 (drop 0.10): means 0.95 → 0.80, drop 0.15.
        // rnd: 0.95 → 0.86 and 0.85 → 0.70 (drops 0.09, 0.15); fresh against the oracle's 0.80: gaps +0.06 and −0.10 (mean −0.02), as good in 1 of 2.
        // mse: fresh 0.50 and 0.60: gaps −0.30 and −0.20 (mean −0.25), as good in 0 of 2; listed after rnd (larger gap).
        var rows = new[]
        {
            Row(Pendulum, "mse", 0.70, 0.50, 1.00, 0.80),
            Row(Pendulum, "rnd", 0.95, 0.86, 1.00, 0.80),
            Row(Cartpole, "mse", 0.80, 0.60, 0.90, 0.80),
            Row(Cartpole, "rnd", 0.85, 0.70, 0.90, 0.80),
        };

        var lines = WinnersCurseSummary.Build(rows);

        Assert.Equal(
        [
            "The oracle's pick scores 0.95 on the seeds it was selected on and 0.80 on fresh seeds (mean over 2 groups; drop 0.15, from 0.10 to 0.20).",
            "rnd: its pick scores 0.90 on its selection seeds and 0.78 on fresh seeds (drop 0.12, 2 groups); on fresh seeds it trails the oracle's pick by 0.02 on average and is at least as good in 1 of 2.",
            "mse: its pick scores 0.75 on its selection seeds and 0.55 on fresh seeds (drop 0.20, 2 groups); on fresh seeds it trails the oracle's pick by 0.25 on average and is at least as good in 0 of 2.",
        ], lines);
    }

    [Fact]
    public void A_proxy_pick_the_follow_up_did_not_rerun_is_left_out_not_counted_as_zero()
    {
        var rows = new[]
        {
            Row(Pendulum, "rnd", 0.95, double.NaN, 1.00, 0.80),
            Row(Pendulum, "mse", 0.70, 0.90, 1.00, 0.80),
        };

        var lines = WinnersCurseSummary.Build(rows);

        Assert.Equal(2, lines.Count);
        Assert.StartsWith("mse: its pick scores 0.70 on its selection seeds and 0.90 on fresh seeds (drop -0.20, 1 group); on fresh seeds it beats the oracle's pick by 0.10 on average", lines[1]);
        Assert.DoesNotContain(lines, l => l.StartsWith("rnd", StringComparison.Ordinal));
    }
}
