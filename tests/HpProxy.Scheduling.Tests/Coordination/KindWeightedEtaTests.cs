using HpProxy.Scheduling.Coordination;
using HpProxy.Storage;

namespace HpProxy.Scheduling.Tests.Coordination;

public sealed class KindWeightedEtaTests
{
    private static int _next;

    private static RunRecord Run(string algorithm, RunState state, double? wall = null, string task = "pendulum") =>
        new($"r{Interlocked.Increment(ref _next)}", task, "synthetic", algorithm, "c0", 0, state, null, null, 1, null, wall, "{}");

    private static IEnumerable<RunRecord> Many(int n, string algorithm, RunState state, double? wall = null, string task = "pendulum") =>
        Enumerable.Range(0, n).Select(_ => Run(algorithm, state, wall, task));

    [Fact]
    public void The_first_fast_bc_runs_do_not_promise_an_early_end()
    {
        // The seen case: 3 BC runs done in 10 s each; 3 BC and 66 online runs left, none of those timed yet.
        List<RunRecord> runs = [.. Many(3, "bc", RunState.Succeeded, 10), .. Many(3, "bc", RunState.Pending), .. Many(66, "gail", RunState.Pending)];
        var eta = new KindWeightedEta();
        eta.Observe(runs);

        var estimate = eta.Estimate(runs, slots: 2)!;

        // Only the timed BC runs are priced (3 × 10 s / 2 slots), and the result says it is a lower bound; the
        // plain rate (3 runs in 10 s on 2 slots → 69 runs in 115 s) would have claimed the study ends in 2 minutes.
        Assert.Equal(new EtaEstimate(TimeSpan.FromSeconds(15), LowerBound: true), estimate);
    }

    [Fact]
    public void Each_remaining_run_costs_its_kinds_mean_shared_by_the_slots()
    {
        List<RunRecord> runs =
        [
            .. Many(2, "bc", RunState.Succeeded, 10), .. Many(1, "bc", RunState.Succeeded, 20),
            .. Many(2, "gail", RunState.Succeeded, 100), .. Many(1, "gail", RunState.Failed, 130),
            .. Many(4, "bc", RunState.Pending), .. Many(10, "gail", RunState.Pending), .. Many(2, "gail", RunState.Running),
            .. Many(5, "gail", RunState.Cancelled),
        ];
        var eta = new KindWeightedEta();
        eta.Observe(runs);

        // bc mean 13.33 s, gail mean 110 s: (4 × 13.33 + 10 × 110 + 2 × 110 / 2) / 2 = 631.67 s.
        var estimate = eta.Estimate(runs, slots: 2)!;

        Assert.False(estimate.LowerBound);
        Assert.Equal(631.67, estimate.Time.TotalSeconds, 2);
    }

    [Fact]
    public void Only_the_last_n_runs_of_a_kind_count_so_a_change_of_speed_shows()
    {
        var eta = new KindWeightedEta(lastN: 2);
        eta.Observe(Many(5, "gail", RunState.Succeeded, 100));
        eta.Observe(Many(2, "gail", RunState.Succeeded, 50)); // the machine got faster
        List<RunRecord> left = [.. Many(4, "gail", RunState.Pending)];

        Assert.Equal(TimeSpan.FromSeconds(4 * 50), eta.Estimate(left, slots: 1)!.Time);
    }

    [Fact]
    public void A_run_seen_twice_counts_once()
    {
        var eta = new KindWeightedEta(lastN: 2);
        var slow = Run("gail", RunState.Succeeded, 100);
        eta.Observe([slow]);
        eta.Observe([Run("gail", RunState.Succeeded, 50)]);
        eta.Observe([slow]); // every tick re-reads every run; an old run must not push out a new one

        Assert.Equal(TimeSpan.FromSeconds(75), eta.Estimate([Run("gail", RunState.Pending)], slots: 1)!.Time);
    }

    [Fact]
    public void A_kind_not_yet_timed_on_this_task_borrows_the_algorithms_mean_on_other_tasks()
    {
        var eta = new KindWeightedEta();
        eta.Observe([.. Many(2, "gail", RunState.Succeeded, 60, task: "pendulum"), .. Many(2, "gail", RunState.Succeeded, 120, task: "cartpole")]);

        var estimate = eta.Estimate([Run("gail", RunState.Pending, task: "mountaincar"), Run("gail", RunState.Pending, task: "cartpole")], slots: 1)!;

        // mountaincar borrows gail's mean over tasks (90 s), cartpole has its own (120 s): 210 s on one slot.
        Assert.Equal(new EtaEstimate(TimeSpan.FromSeconds(210), LowerBound: false), estimate);
    }

    [Fact]
    public void The_estimate_is_never_shorter_than_the_longest_remaining_run()
    {
        var eta = new KindWeightedEta();
        eta.Observe([.. Many(1, "bc", RunState.Succeeded, 10), .. Many(1, "dac", RunState.Succeeded, 600)]);

        var estimate = eta.Estimate([Run("dac", RunState.Pending), Run("bc", RunState.Pending)], slots: 4)!;

        Assert.Equal(TimeSpan.FromSeconds(600), estimate.Time); // 4 slots cannot split one 10-minute run
    }

    [Fact]
    public void Unknowns_are_null_and_a_finished_study_is_zero()
    {
        var eta = new KindWeightedEta();
        Assert.Null(eta.Estimate([Run("bc", RunState.Pending)], slots: 2)); // nothing timed yet
        eta.Observe([Run("bc", RunState.Succeeded, 5)]);
        Assert.Null(eta.Estimate([Run("bc", RunState.Pending)], slots: 0)); // no worker alive
        Assert.Equal(new EtaEstimate(TimeSpan.Zero, false), eta.Estimate([Run("bc", RunState.Succeeded, 5)], slots: 2));
    }
}
