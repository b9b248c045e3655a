using HpProxy.Scheduling.Coordination;
using HpProxy.Scheduling.Tests.Fakes;
using HpProxy.Storage;

namespace HpProxy.Scheduling.Tests.Coordination;

public sealed class CoordinatorTests
{
    private static readonly SchedulingOptions Options = new()
    {
        Lease = TimeSpan.FromSeconds(60),
        CoordinatorTick = TimeSpan.FromMilliseconds(1),
    };

    private sealed class Fixture
    {
        public ManualTime Time { get; } = new();
        public InMemoryStudyStore Store { get; }
        public FakeQueue Queue { get; }
        public FakeLauncher Launcher { get; }
        public Coordinator Coordinator { get; }

        public Fixture(int workers, params string[] runs)
            : this(new FakeQueue(), workers, runs)
        {
        }

        public Fixture(FakeQueue queue, int workers, params string[] runs)
        {
            Queue = queue;
            Store = new InMemoryStudyStore(Time);
            Store.Add(runs);
            Launcher = new FakeLauncher(Time);
            Coordinator = new Coordinator(Store, Queue, Launcher, workers, Options, time: Time);
        }

        public void Finish(string runId)
        {
            Queue.Fetch(runId);
            var claim = Store.TryClaim(runId, "w:1:x", Options.Lease)!;
            Store.CompleteSucceeded(claim, [], 1.0);
        }
    }

    [Fact]
    public void Every_unfinished_run_is_enqueued_once_and_not_again_while_it_waits()
    {
        var f = new Fixture(2, "a", "b", "c");

        f.Coordinator.Tick();
        f.Time.Advance(TimeSpan.FromMinutes(5));
        f.Coordinator.Tick();

        Assert.Equal(["a", "b", "c"], f.Queue.Enqueued);
    }

    [Fact]
    public void A_run_whose_worker_died_is_enqueued_again_once_its_lease_expired()
    {
        var f = new Fixture(1, "a", "b");
        f.Coordinator.Tick();
        // A worker fetches "a", claims it and is killed: the run stays running under a lease nobody renews.
        f.Queue.Fetch("a");
        Assert.NotNull(f.Store.TryClaim("a", "dead:7:x", Options.Lease));

        f.Time.Advance(TimeSpan.FromSeconds(30));
        f.Coordinator.Tick();
        Assert.Equal(1, f.Queue.Count("a"));

        f.Time.Advance(TimeSpan.FromSeconds(31));
        f.Coordinator.Tick();
        Assert.Equal(2, f.Queue.Count("a"));
        Assert.Equal(1, f.Queue.Count("b"));
        Assert.Equal(1, f.Coordinator.Enqueuer.Reenqueued);

        // The new delivery claims the expired run (attempt 2).
        Assert.Equal(2, f.Store.TryClaim("a", "alive:8:y", Options.Lease)!.Attempt);
    }

    [Fact]
    public void A_stranded_run_taking_a_later_runs_job_costs_one_new_job_not_one_per_run_behind_it()
    {
        var f = new Fixture(new FakeQueue { Counting = true }, 1, "a", "b", "c", "d");
        f.Coordinator.Tick();
        f.Queue.Fetch("a");
        Assert.NotNull(f.Store.TryClaim("a", "dead:7:x", Options.Lease)); // then killed
        f.Time.Advance(Options.Lease + TimeSpan.FromSeconds(1));
        f.Coordinator.Tick(); // 4 runs due, 3 jobs waiting: one new job
        Assert.Equal(2, f.Queue.Count("a"));

        // The next job fetched is b's; it claims the first claimable run in plan order, the stranded a.
        f.Queue.Fetch("b");
        Assert.NotNull(f.Store.TryClaim("a", "alive:8:y", Options.Lease));
        f.Time.Advance(Options.Lease + TimeSpan.FromSeconds(1));
        f.Store.RenewLease(new("a", "alive:8:y", 2), Options.Lease);
        f.Coordinator.Tick();

        // b, c, d due and three jobs waiting (c's, d's, a's new one): b needs none of its own.
        Assert.Equal(["a", "b", "c", "d", "a"], f.Queue.Enqueued);
        Assert.Equal(1, f.Coordinator.Enqueuer.Reenqueued);
    }

    [Fact]
    public void A_resume_enqueues_only_the_runs_that_the_dead_coordinators_waiting_jobs_do_not_cover()
    {
        // The dead coordinator's jobs for c, d, e still wait; its worker was killed while running a and b.
        var f = new Fixture(new FakeQueue { Counting = true, Foreign = 3 }, 2, "a", "b", "c", "d", "e");
        Assert.NotNull(f.Store.TryClaim("a", "dead:7:x", Options.Lease));
        Assert.NotNull(f.Store.TryClaim("b", "dead:7:y", Options.Lease));
        f.Time.Advance(Options.Lease + TimeSpan.FromSeconds(1));

        f.Coordinator.Tick();

        Assert.Equal(["a", "b"], f.Queue.Enqueued);
    }

    [Fact]
    public void A_live_lease_is_not_enqueued_again_however_long_the_run_takes()
    {
        var f = new Fixture(1, "a");
        f.Coordinator.Tick();
        f.Queue.Fetch("a");
        var claim = f.Store.TryClaim("a", "w:1:x", Options.Lease)!;

        for (int i = 0; i < 10; i++)
        {
            f.Time.Advance(TimeSpan.FromSeconds(20));
            f.Store.RenewLease(claim, Options.Lease);
            f.Coordinator.Tick();
        }

        Assert.Equal(1, f.Queue.Count("a"));
    }

    [Fact]
    public void The_time_left_is_weighted_by_run_kind_not_extrapolated_from_the_first_fast_runs()
    {
        var f = new Fixture(2);
        f.Store.AddRuns([.. new[] { "bc1", "bc2" }.Select(id => InMemoryStudyStore.Planned(id) with { Algorithm = "bc" }),
            .. new[] { "gail1", "gail2", "gail3", "gail4" }.Select(id => InMemoryStudyStore.Planned(id) with { Algorithm = "gail" })]);
        f.Store.Heartbeat("w1", 1, "h", null);
        f.Store.Heartbeat("w2", 2, "h", null);
        void Finish(string runId, double wall)
        {
            var claim = f.Store.TryClaim(runId, "w:1:" + runId, Options.Lease)!;
            f.Store.CompleteSucceeded(claim, [], wall);
        }

        f.Coordinator.Tick();
        Finish("bc1", 2);
        Finish("bc2", 2);
        var early = f.Coordinator.Tick();
        Finish("gail1", 100);
        var later = f.Coordinator.Tick();

        // Two BC runs in 2 s each say nothing about GAIL: no number, rather than "4 runs left at 2 s each".
        Assert.Null(early.Eta);
        // Once a GAIL run is timed: 3 GAIL runs of 100 s on 2 workers.
        Assert.Equal(TimeSpan.FromSeconds(150), later.Eta);
        Assert.False(later.EtaIsLowerBound);
    }

    [Fact]
    public void Workers_are_started_up_to_the_count_but_not_beyond_the_runs_left()
    {
        var many = new Fixture(4, "a", "b", "c", "d", "e");
        many.Coordinator.Tick();
        Assert.Equal(4, many.Launcher.Started.Count);

        var few = new Fixture(4, "a", "b");
        few.Coordinator.Tick();
        Assert.Equal(2, few.Launcher.Started.Count);
    }

    [Fact]
    public void A_dead_worker_is_replaced_while_work_remains()
    {
        var f = new Fixture(2, "a", "b", "c");
        f.Coordinator.Tick();
        f.Time.Advance(TimeSpan.FromMinutes(1));
        f.Launcher.Started[0].Exit(137);

        f.Coordinator.Tick();

        Assert.Equal(3, f.Launcher.Started.Count);
        Assert.Equal(0, f.Launcher.Started[2].Slot);
        Assert.Equal(2, f.Launcher.Alive.Count());
    }

    [Fact]
    public void Workers_that_keep_dying_at_start_stop_the_coordinator()
    {
        var f = new Fixture(1, "a");
        f.Coordinator.Tick();

        var error = Assert.Throws<WorkerCrashLoopException>(() =>
        {
            for (int i = 0; i < 10; i++)
            {
                f.Launcher.Started[^1].Exit(1);
                f.Coordinator.Tick();
            }
        });

        Assert.Contains("worker logs", error.Message);
        Assert.Equal(Coordinator.MaxQuickDeaths, f.Launcher.Started.Count);
    }

    [Fact]
    public void Run_returns_when_no_run_is_pending_or_running_and_reports_progress()
    {
        var f = new Fixture(2, "a", "b", "c");
        var seen = new List<CoordinatorProgress>();

        var final = f.Coordinator.Run(p =>
        {
            seen.Add(p);
            f.Time.Advance(TimeSpan.FromSeconds(30));
            // Workers finish one run per tick.
            var next = f.Store.RunsToEnqueue(f.Time.GetUtcNow()).FirstOrDefault();
            if (next is not null) f.Finish(next);
        }, CancellationToken.None);

        Assert.Equal(0, final.Remaining);
        Assert.Equal(3, final.Progress.Succeeded);
        Assert.Equal(3, seen[0].Progress.Pending);
        Assert.All(f.Launcher.Started, w => Assert.True(w.HasExited));
        Assert.NotNull(final.RunsPerMinute);
    }

    [Fact]
    public void An_interrupted_coordinator_asks_its_workers_to_stop_and_leaves_the_runs_to_resume()
    {
        var f = new Fixture(2, "a", "b", "c");
        using var cts = new CancellationTokenSource();

        var final = f.Coordinator.Run(_ => cts.Cancel(), cts.Token);

        Assert.Equal(3, final.Progress.Pending);
        Assert.All(f.Launcher.Started, w => Assert.True(w.StopRequested));
    }

    [Fact]
    public void Cancelled_runs_end_the_study()
    {
        var f = new Fixture(1, "a", "b");
        f.Finish("a");
        f.Store.CancelPending();

        var final = f.Coordinator.Run(_ => { }, CancellationToken.None);

        Assert.Equal(new StudyProgress(2, 0, 0, 1, 0, 1), final.Progress);
        Assert.Empty(f.Launcher.Started);
    }
}
