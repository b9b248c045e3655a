using HpProxy.Core.Envs;
using HpProxy.Core.Runs;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;
using HpProxy.Storage.Migrations;
using HpProxy.Storage.Tests.Support;

namespace HpProxy.Storage.Tests;

/// <summary>
/// The store's contract, run against every implementation (SQLite and PostgreSQL subclasses below).
/// Each test gets its own database; time is a manual clock, so lease expiry needs no sleeping.
/// </summary>
public abstract class StudyStoreContractTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly IStoreTarget _target;

    protected StudyStoreContractTests(IStoreTarget target)
    {
        _target = target;
        Clock = new ManualClock();
        Store = _target.OpenStore(Clock);
        Store.Migrate();
    }

    protected ManualClock Clock { get; }

    protected StudyStoreBase Store { get; }

    public void Dispose()
    {
        _target.Dispose();
        GC.SuppressFinalize(this);
    }

    private static PlannedRun Run(int i) =>
        new($"run{i:D4}", i % 2 == 0 ? "pendulum" : "hopper", "synthetic-20", i % 3 == 0 ? "bc" : "gail", $"cfg{i % 4}", i % 5, $"{{\"i\":{i}}}");

    private static List<PlannedRun> Runs(int from, int count) => Enumerable.Range(from, count).Select(Run).ToList();

    /// <summary>Checkpoints whose values encode (tag, index), so a test can tell which attempt wrote them.</summary>
    private static List<CheckpointResult> Checkpoints(int count, double tag, params string[] proxies) =>
        Enumerable.Range(0, count).Select(i => new CheckpointResult(
            i,
            (i + 1) * 1000L,
            tag + i,
            (tag + i) / 100,
            proxies.Select((p, j) => (p, v: tag * 10 + i + j / 10.0)).ToDictionary(x => x.p, x => x.v),
            i * 1.5)).ToList();

    [Fact]
    public void Migrate_twice_keeps_the_latest_version_and_the_data()
    {
        Store.AddRuns(Runs(0, 3));
        Store.Migrate();
        Store.Migrate();
        Assert.Equal(MigrationScripts.LatestVersion, Store.SchemaVersion());
        Assert.Equal(3, Store.GetRuns().Count);
    }

    [Fact]
    public void Migrate_from_several_stores_at_once_succeeds_everywhere()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => _target.OpenStore(Clock)).ToList();
        using var barrier = new Barrier(stores.Count);
        var errors = new List<Exception>();
        var threads = stores.Select(s => new Thread(() =>
        {
            barrier.SignalAndWait();
            try
            {
                s.Migrate();
            }
            catch (Exception e)
            {
                lock (errors) errors.Add(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(errors);
        Assert.All(stores, s => Assert.Equal(MigrationScripts.LatestVersion, s.SchemaVersion()));
    }

    [Fact]
    public void AddRuns_adds_only_new_ids_and_keeps_planning_order()
    {
        Assert.Equal(3, Store.AddRuns(Runs(0, 3)));
        Assert.Equal(0, Store.AddRuns(Runs(0, 3)));
        Assert.Equal(2, Store.AddRuns(Runs(1, 4)));
        var runs = Store.GetRuns();
        Assert.Equal(["run0000", "run0001", "run0002", "run0003", "run0004"], runs.Select(r => r.RunId));
        var r3 = runs[3];
        Assert.Equal(("hopper", "synthetic-20", "bc", "cfg3", 3, "{\"i\":3}"), (r3.Task, r3.Demonstrations, r3.Algorithm, r3.ConfigId, r3.Seed, r3.SpecJson));
        Assert.All(runs, r => Assert.Equal(RunState.Pending, r.State));
        Assert.All(runs, r => Assert.Equal(0, r.Attempts));
    }

    [Fact]
    public void A_finished_run_keeps_the_code_version_and_cpu_time_that_produced_it()
    {
        Store.AddRuns(Runs(0, 3));
        var first = Store.TryClaim("run0000", "w1", Lease)!;
        Assert.True(Store.CompleteSucceeded(first, Checkpoints(1, 1, "p"), 3.0, new RunProvenance("1.0.0+aaaa", 2.5)));
        var second = Store.TryClaim("run0001", "w1", Lease)!;
        Assert.True(Store.CompleteFailed(second, "diverged", Checkpoints(1, 1, "p"), 1.0, new RunProvenance("1.0.0+bbbb", 0.75)));
        var third = Store.TryClaim("run0002", "w1", Lease)!;
        Assert.True(Store.CompleteSucceeded(third, Checkpoints(1, 1, "p"), 1.0));

        var runs = Store.GetRuns().ToDictionary(r => r.RunId);
        Assert.Equal(("1.0.0+aaaa", 2.5), (runs["run0000"].CodeVersion, runs["run0000"].CpuSeconds));
        Assert.Equal(("1.0.0+bbbb", 0.75), (runs["run0001"].CodeVersion, runs["run0001"].CpuSeconds));
        Assert.Equal((null, null), (runs["run0002"].CodeVersion, runs["run0002"].CpuSeconds));
    }

    [Fact]
    public void A_finished_run_keeps_the_configuration_it_was_trained_with()
    {
        Store.AddRuns(Runs(0, 3));
        const string resolved = "{\"gradient_penalty\":10,\"transform\":\"fkl\"}";
        var first = Store.TryClaim("run0000", "w1", Lease)!;
        Assert.True(Store.CompleteSucceeded(first, Checkpoints(1, 1, "p"), 3.0, new RunProvenance("v", 1) { ResolvedHyperparameters = resolved }));
        var second = Store.TryClaim("run0001", "w1", Lease)!;
        Assert.True(Store.CompleteFailed(second, "diverged", Checkpoints(1, 1, "p"), 1.0, new RunProvenance("v", 1) { ResolvedHyperparameters = resolved }));
        var third = Store.TryClaim("run0002", "w1", Lease)!;
        Assert.True(Store.CompleteSucceeded(third, Checkpoints(1, 1, "p"), 1.0, new RunProvenance("v", 1)));

        var runs = Store.GetRuns().ToDictionary(r => r.RunId);
        Assert.Equal(resolved, runs["run0000"].ResolvedHyperparameters);
        Assert.Equal(resolved, runs["run0001"].ResolvedHyperparameters);
        Assert.Null(runs["run0002"].ResolvedHyperparameters);
    }

    [Fact]
    public void AddRuns_leaves_existing_runs_untouched()
    {
        Store.AddRuns(Runs(0, 2));
        var claim = Store.TryClaim("run0000", "w1", Lease)!;
        Assert.True(Store.CompleteSucceeded(claim, Checkpoints(2, 1, "p"), 3.0));
        var changed = Run(0) with { SpecJson = "{\"changed\":true}" };
        Assert.Equal(0, Store.AddRuns([changed]));
        var run = Store.GetRuns().Single(r => r.RunId == "run0000");
        Assert.Equal(RunState.Succeeded, run.State);
        Assert.Equal("{\"i\":0}", run.SpecJson);
    }

    [Fact]
    public void A_live_lease_blocks_a_second_claim_and_an_expired_one_does_not()
    {
        Store.AddRuns(Runs(0, 1));
        var first = Store.TryClaim("run0000", "w1", Lease);
        Assert.Equal(new RunClaim("run0000", "w1", 1), first);
        Assert.Null(Store.TryClaim("run0000", "w2", Lease));
        Assert.Null(Store.TryClaim("run0000", "w1", Lease)); // even the same owner: a duplicate delivery returns at once
        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Null(Store.TryClaim("run0000", "w2", Lease));
        Clock.Advance(TimeSpan.FromSeconds(2));
        var second = Store.TryClaim("run0000", "w2", Lease);
        Assert.Equal(new RunClaim("run0000", "w2", 2), second);
        var run = Store.GetRuns().Single();
        Assert.Equal((RunState.Running, "w2", 2), (run.State, run.Owner, run.Attempts));
        Assert.Equal(Clock.GetUtcNow() + Lease, run.LeaseUntil);
    }

    [Fact]
    public void The_old_owner_cannot_complete_or_renew_after_a_takeover()
    {
        Store.AddRuns(Runs(0, 1));
        var old = Store.TryClaim("run0000", "w1", Lease)!;
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var current = Store.TryClaim("run0000", "w2", Lease)!;

        Assert.False(Store.RenewLease(old, Lease));
        Assert.False(Store.CompleteSucceeded(old, Checkpoints(3, 100, "p"), 1.0));
        Assert.False(Store.CompleteFailed(old, "diverged", Checkpoints(1, 100, "p"), 1.0));
        Assert.Empty(Store.GetCheckpoints());
        var run = Store.GetRuns().Single();
        Assert.Equal((RunState.Running, "w2", (string?)null), (run.State, run.Owner, run.Error));

        Assert.True(Store.CompleteSucceeded(current, Checkpoints(2, 7, "p"), 2.0));
        Assert.False(Store.CompleteSucceeded(current, Checkpoints(3, 8, "p"), 2.0)); // completing twice
        Assert.False(Store.CompleteSucceeded(old, Checkpoints(3, 9, "p"), 2.0));
        var rows = Store.GetCheckpoints();
        Assert.Equal([7.0, 8.0], rows.Select(r => r.OracleReturn));
        Assert.Null(Store.TryClaim("run0000", "w3", Lease)); // finished runs are never claimed again
        run = Store.GetRuns().Single();
        Assert.Equal((RunState.Succeeded, 2.0, (DateTimeOffset?)null), (run.State, run.WallSeconds, run.LeaseUntil));
    }

    [Fact]
    public void A_released_claim_is_pending_again_at_once_without_counting_the_attempt()
    {
        Store.AddRuns(Runs(0, 2));
        var claim = Store.TryClaim("run0000", "w1:a", Lease)!;

        Assert.True(Store.ReleaseClaim(claim));

        var run = Store.GetRuns().First();
        Assert.Equal((RunState.Pending, (string?)null, (DateTimeOffset?)null, 0, (string?)null), (run.State, run.Owner, run.LeaseUntil, run.Attempts, run.Error));
        Assert.Equal(["run0000", "run0001"], Store.RunsToEnqueue(Clock.GetUtcNow())); // no lease to wait for
        Assert.Equal(new StudyProgress(2, 2, 0, 0, 0, 0), Store.GetProgress());
        var next = Store.TryClaim("run0000", "w2:b", Lease);
        Assert.Equal(new RunClaim("run0000", "w2:b", 1), next);

        // The released claim is dead: it can neither release again, renew nor write, even with the same attempt number.
        Assert.False(Store.ReleaseClaim(claim));
        Assert.False(Store.RenewLease(claim, Lease));
        Assert.False(Store.CompleteSucceeded(claim, Checkpoints(1, 1, "p"), 1));
        Assert.True(Store.CompleteSucceeded(next!, Checkpoints(1, 2, "p"), 1));
        Assert.Equal([2.0], Store.GetCheckpoints().Select(r => r.OracleReturn));
        Assert.False(Store.ReleaseClaim(next!)); // a finished run is never released
        Assert.Equal(RunState.Succeeded, Store.GetRuns().First().State);
    }

    [Fact]
    public void A_claim_taken_over_after_expiry_cannot_be_released_by_its_old_owner()
    {
        Store.AddRuns(Runs(0, 1));
        var old = Store.TryClaim("run0000", "w1:a", Lease)!;
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var current = Store.TryClaim("run0000", "w2:b", Lease)!;

        Assert.False(Store.ReleaseClaim(old));

        var run = Store.GetRuns().Single();
        Assert.Equal((RunState.Running, "w2:b", 2), (run.State, run.Owner, run.Attempts));
        Assert.True(Store.ReleaseClaim(current));
        Assert.Equal((RunState.Pending, 1), (Store.GetRuns().Single().State, Store.GetRuns().Single().Attempts));
    }

    [Fact]
    public void Unknown_runs_are_not_claimed_and_absurd_leases_saturate()
    {
        Assert.Null(Store.TryClaim("missing", "w1", Lease));
        Assert.Throws<ArgumentOutOfRangeException>(() => Store.TryClaim("missing", "w1", TimeSpan.Zero));
        Store.AddRuns(Runs(0, 1));
        var claim = Store.TryClaim("run0000", "w1", TimeSpan.MaxValue)!;
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()), Store.GetRuns().Single().LeaseUntil);
        Assert.True(Store.RenewLease(claim, TimeSpan.MaxValue));
        Clock.Advance(TimeSpan.FromDays(36500));
        Assert.Null(Store.TryClaim("run0000", "w2", Lease));
    }

    [Fact]
    public void A_claim_is_its_attempt_not_just_its_owner()
    {
        Store.AddRuns(Runs(0, 1));
        var first = Store.TryClaim("run0000", "worker-1", Lease)!;
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var second = Store.TryClaim("run0000", "worker-1", Lease)!; // the same owner name, a later attempt
        Assert.Equal(2, second.Attempt);
        Assert.False(Store.RenewLease(first, Lease));
        Assert.False(Store.CompleteSucceeded(first, Checkpoints(1, 1, "p"), 1));
        Assert.Empty(Store.GetCheckpoints());
        Assert.True(Store.CompleteSucceeded(second, Checkpoints(1, 2, "p"), 1));
        Assert.Equal([2.0], Store.GetCheckpoints().Select(r => r.OracleReturn));
    }

    [Fact]
    public void Renewing_extends_the_lease()
    {
        Store.AddRuns(Runs(0, 1));
        var claim = Store.TryClaim("run0000", "w1", TimeSpan.FromMinutes(1))!;
        Clock.Advance(TimeSpan.FromSeconds(50));
        Assert.True(Store.RenewLease(claim, TimeSpan.FromMinutes(1)));
        Clock.Advance(TimeSpan.FromSeconds(50));
        Assert.Null(Store.TryClaim("run0000", "w2", Lease));
        Assert.Empty(Store.RunsToEnqueue(Clock.GetUtcNow()));
        Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(["run0000"], Store.RunsToEnqueue(Clock.GetUtcNow()));
        // Expired but not taken over: the claim still holds and may renew.
        Assert.True(Store.RenewLease(claim, TimeSpan.FromMinutes(1)));
        Assert.Null(Store.TryClaim("run0000", "w2", Lease));
    }

    [Fact]
    public void A_later_attempt_replaces_every_row_of_an_earlier_one()
    {
        Store.AddRuns(Runs(0, 2));
        var a1 = Store.TryClaim("run0000", "w1", Lease)!;
        Assert.True(Store.CompleteFailed(a1, "diverged: NaN loss", Checkpoints(3, 10, "bc_loss", "wasserstein"), 5.0));
        var failed = Store.GetRuns()[0];
        Assert.Equal((RunState.Failed, "diverged: NaN loss", 5.0), (failed.State, failed.Error, failed.WallSeconds));
        Assert.Equal(3, Store.GetCheckpoints().Count); // a failure keeps the checkpoints it reached

        Assert.Equal(1, Store.Requeue(includeFailed: true));
        Assert.Empty(Store.GetCheckpoints()); // only finished runs' checkpoints are visible
        var a2 = Store.TryClaim("run0000", "w2", Lease)!;
        Assert.Equal(2, a2.Attempt);
        Assert.True(Store.CompleteSucceeded(a2, Checkpoints(2, 20, "bc_loss"), 6.0));

        var rows = Store.GetCheckpoints();
        Assert.Equal([0, 1], rows.Select(r => r.CheckpointIndex));
        Assert.Equal([20.0, 21.0], rows.Select(r => r.OracleReturn));
        Assert.All(rows, r => Assert.Equal(["bc_loss"], r.Proxies.Keys));
        var run = Store.GetRuns()[0];
        Assert.Equal((RunState.Succeeded, (string?)null, 2), (run.State, run.Error, run.Attempts));
    }

    [Fact]
    public void Cancel_moves_only_pending_runs_and_requeue_brings_them_back()
    {
        Store.AddRuns(Runs(0, 5));
        var running = Store.TryClaim("run0000", "w1", Lease)!;
        var failing = Store.TryClaim("run0001", "w1", Lease)!;
        Assert.True(Store.CompleteFailed(failing, "timeout", [], 1));

        Assert.Equal(3, Store.CancelPending());
        Assert.Equal(new StudyProgress(5, 0, 1, 0, 1, 3), Store.GetProgress());
        Assert.Null(Store.TryClaim("run0002", "w2", Lease));
        Assert.Empty(Store.RunsToEnqueue(Clock.GetUtcNow()));
        Assert.True(Store.CompleteSucceeded(running, Checkpoints(1, 0, "p"), 1)); // the running attempt finishes

        Assert.Equal(3, Store.Requeue(includeFailed: false));
        Assert.Equal(new StudyProgress(5, 3, 0, 1, 1, 0), Store.GetProgress());
        Assert.Equal(1, Store.Requeue(includeFailed: true));
        Assert.Equal(new StudyProgress(5, 4, 0, 1, 0, 0), Store.GetProgress());
        Assert.Equal(["run0001", "run0002", "run0003", "run0004"], Store.RunsToEnqueue(Clock.GetUtcNow()));
        Assert.NotNull(Store.TryClaim("run0002", "w2", Lease));
    }

    [Fact]
    public void RunsToEnqueue_lists_pending_and_expired_runs_in_planning_order()
    {
        Store.AddRuns(Runs(0, 4));
        Store.TryClaim("run0001", "w1", TimeSpan.FromMinutes(1));
        Store.TryClaim("run0002", "w1", TimeSpan.FromMinutes(10));
        Assert.Equal(["run0000", "run0003"], Store.RunsToEnqueue(Clock.GetUtcNow()));
        Assert.Equal(["run0000", "run0001", "run0003"], Store.RunsToEnqueue(Clock.GetUtcNow() + TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public void Non_finite_values_round_trip()
    {
        Store.AddRuns(Runs(0, 1));
        var claim = Store.TryClaim("run0000", "w1", Lease)!;
        var proxies = new Dictionary<string, double> { ["nan"] = double.NaN, ["neg_inf"] = double.NegativeInfinity, ["tiny"] = double.Epsilon, ["max"] = double.MaxValue };
        Assert.True(Store.CompleteSucceeded(claim, [new CheckpointResult(0, 5, double.NaN, double.PositiveInfinity, proxies, double.NaN)], double.NaN));
        var row = Store.GetCheckpoints().Single();
        Assert.True(double.IsNaN(row.OracleReturn));
        Assert.Equal(double.PositiveInfinity, row.NormalizedScore);
        Assert.True(double.IsNaN(row.Proxies["nan"]));
        Assert.Equal(double.NegativeInfinity, row.Proxies["neg_inf"]);
        Assert.Equal(double.Epsilon, row.Proxies["tiny"]);
        Assert.Equal(double.MaxValue, row.Proxies["max"]);
        Assert.Null(Store.GetRuns().Single().WallSeconds);

        Store.SaveReferences("pendulum", "synthetic-20", new ReferenceReturns(double.NaN, double.NegativeInfinity));
        var refs = Store.GetReferences("pendulum", "synthetic-20")!;
        Assert.True(double.IsNaN(refs.Random));
        Assert.Equal(double.NegativeInfinity, refs.Expert);
    }

    [Fact]
    public void Exact_doubles_round_trip()
    {
        Store.AddRuns(Runs(0, 1));
        var claim = Store.TryClaim("run0000", "w1", Lease)!;
        double x = 0.1 + 0.2, y = -1234.5678901234567e-123;
        Assert.True(Store.CompleteSucceeded(claim, [new CheckpointResult(0, long.MaxValue, x, y, new Dictionary<string, double> { ["p"] = x }, 0)], 1));
        var row = Store.GetCheckpoints().Single();
        Assert.Equal((long.MaxValue, x, y, x), (row.Step, row.OracleReturn, row.NormalizedScore, row.Proxies["p"]));
    }

    [Fact]
    public void GetCheckpoints_joins_run_fields_and_orders_by_plan_then_index()
    {
        Store.AddRuns(Runs(0, 4));
        foreach (int i in new[] { 2, 0, 1 })
        {
            var c = Store.TryClaim($"run{i:D4}", "w", Lease)!;
            Assert.True(Store.CompleteSucceeded(c, Checkpoints(2, i * 100, "a", "b", "c"), 1));
        }
        Store.TryClaim("run0003", "w", Lease); // running: not reported
        var rows = Store.GetCheckpoints();
        Assert.Equal(6, rows.Count);
        Assert.Equal(["run0000", "run0000", "run0001", "run0001", "run0002", "run0002"], rows.Select(r => r.RunId));
        var r = rows[3];
        Assert.Equal(("hopper", "synthetic-20", "gail", "cfg1", 1, 1, 2000L, 101.0, 1.01),
            (r.Task, r.Demonstrations, r.Algorithm, r.ConfigId, r.Seed, r.CheckpointIndex, r.Step, r.OracleReturn, r.NormalizedScore));
        Assert.Equal(new Dictionary<string, double> { ["a"] = 1001, ["b"] = 1001.1, ["c"] = 1001.2 }, r.Proxies);
    }

    [Fact]
    public void Checkpoints_without_proxies_have_an_empty_dictionary()
    {
        Store.AddRuns(Runs(0, 1));
        var c = Store.TryClaim("run0000", "w", Lease)!;
        Assert.True(Store.CompleteSucceeded(c, Checkpoints(2, 0), 1));
        Assert.All(Store.GetCheckpoints(), r => Assert.Empty(r.Proxies));
    }

    [Fact]
    public void Duplicate_checkpoint_indices_are_rejected_before_writing()
    {
        Store.AddRuns(Runs(0, 1));
        var c = Store.TryClaim("run0000", "w", Lease)!;
        var cps = Checkpoints(2, 0, "p");
        cps[1] = cps[1] with { Index = 0 };
        Assert.Throws<ArgumentException>(() => Store.CompleteSucceeded(c, cps, 1));
        Assert.Equal(RunState.Running, Store.GetRuns().Single().State);
        Assert.True(Store.CompleteSucceeded(c, Checkpoints(2, 0, "p"), 1));
    }

    [Fact]
    public void Study_info_is_saved_updated_and_guarded_by_name()
    {
        Assert.Null(Store.GetStudy());
        var first = Store.SaveStudy("demo", "hash1", "name: demo\n", "abc123");
        Assert.Equal(new StudyInfo("demo", "hash1", "name: demo\n", "abc123", Clock.GetUtcNow()), first);
        Clock.Advance(TimeSpan.FromHours(1));
        var second = Store.SaveStudy("demo", "hash2", "name: demo\nseeds: 5\n", "def456");
        Assert.Equal(new StudyInfo("demo", "hash2", "name: demo\nseeds: 5\n", "def456", first.CreatedAt), second);
        Assert.Equal(second, Store.GetStudy());
        Assert.Throws<InvalidOperationException>(() => Store.SaveStudy("other", "h", "t", "v"));
    }

    [Fact]
    public void References_are_per_task_and_demonstrations_and_overwrite()
    {
        Assert.Null(Store.GetReferences("pendulum", "synthetic-20"));
        Store.SaveReferences("pendulum", "synthetic-20", new ReferenceReturns(-1200, -150));
        Store.SaveReferences("pendulum", "human-like-20", new ReferenceReturns(-1200, -300));
        Store.SaveReferences("pendulum", "synthetic-20", new ReferenceReturns(-1100, -140));
        Assert.Equal(new ReferenceReturns(-1100, -140), Store.GetReferences("pendulum", "synthetic-20"));
        Assert.Equal(new ReferenceReturns(-1200, -300), Store.GetReferences("pendulum", "human-like-20"));
        Assert.Null(Store.GetReferences("hopper", "synthetic-20"));
    }

    [Fact]
    public void Heartbeats_upsert_and_old_workers_drop_out()
    {
        Store.Heartbeat("w1", 100, "host-a", null);
        Clock.Advance(TimeSpan.FromSeconds(30));
        Store.Heartbeat("w2", 200, "host-b", "run0001");
        Store.Heartbeat("w1", 101, "host-a", "run0002");
        Clock.Advance(TimeSpan.FromSeconds(30));
        var now = Clock.GetUtcNow();
        Assert.Equal(
            [new WorkerInfo("w1", 101, "host-a", "run0002", now - TimeSpan.FromSeconds(30)), new WorkerInfo("w2", 200, "host-b", "run0001", now - TimeSpan.FromSeconds(30))],
            Store.GetWorkers(TimeSpan.FromSeconds(45)));
        Assert.Empty(Store.GetWorkers(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void Progress_counts_every_state()
    {
        Assert.Equal(new StudyProgress(0, 0, 0, 0, 0, 0), Store.GetProgress());
        Store.AddRuns(Runs(0, 6));
        Assert.True(Store.CompleteSucceeded(Store.TryClaim("run0000", "w", Lease)!, [], 1));
        Assert.True(Store.CompleteSucceeded(Store.TryClaim("run0001", "w", Lease)!, [], 1));
        Assert.True(Store.CompleteFailed(Store.TryClaim("run0002", "w", Lease)!, "x", [], 1));
        Store.TryClaim("run0003", "w", Lease);
        Assert.Equal(new StudyProgress(6, 2, 1, 2, 1, 0), Store.GetProgress());
    }

    [Fact]
    public void Progress_tells_stalled_runs_whose_lease_expired_apart_from_live_ones()
    {
        Store.AddRuns(Runs(0, 5));
        Store.TryClaim("run0000", "dead", TimeSpan.FromMinutes(1));
        Store.TryClaim("run0001", "dead", TimeSpan.FromMinutes(1));
        Store.TryClaim("run0002", "alive", TimeSpan.FromMinutes(10));
        Assert.Equal(0, Store.GetProgress().Stalled);

        Clock.Advance(TimeSpan.FromMinutes(2));
        var p = Store.GetProgress();

        // Still three in state running (runs left: pending + running), two of them with nobody working on them.
        Assert.Equal((5, 2, 3, 2, 1), (p.Total, p.Pending, p.Running, p.Stalled, p.LiveRunning));
    }

    [Fact]
    public void A_plan_order_claim_takes_stranded_earlier_runs_before_the_delivered_one()
    {
        Store.AddRuns(Runs(0, 6));
        Assert.True(Store.CompleteSucceeded(Store.TryClaim("run0000", "w", Lease)!, [], 1));
        Store.TryClaim("run0001", "dead", TimeSpan.FromMinutes(1)); // stranded by a kill -9
        Store.TryClaim("run0002", "dead", TimeSpan.FromMinutes(1));
        Store.TryClaim("run0003", "alive", Lease); // a live lease: not to be taken
        Clock.Advance(TimeSpan.FromMinutes(2));

        // The jobs of runs 4 and 5 (queued ahead after a resume) are delivered first; the stranded runs go first.
        var first = Store.TryClaimInPlanOrder("run0004", "a", Lease)!;
        var second = Store.TryClaimInPlanOrder("run0005", "b", Lease)!;
        var third = Store.TryClaimInPlanOrder("run0001", "c", Lease)!;
        var fourth = Store.TryClaimInPlanOrder("run0002", "d", Lease)!;

        Assert.Equal(new RunClaim("run0001", "a", 2), first);
        Assert.Equal(new RunClaim("run0002", "b", 2), second);
        Assert.Equal(new RunClaim("run0004", "c", 1), third);
        Assert.Equal(new RunClaim("run0005", "d", 1), fourth);
        Assert.Null(Store.TryClaimInPlanOrder("run0004", "e", Lease)); // every run finished or held by a live lease
        Assert.Equal("a", Store.GetRuns().Single(r => r.RunId == "run0001").Owner);
        // The claims are real claims: the stranded attempt's old owner can no longer write.
        Assert.False(Store.CompleteSucceeded(new RunClaim("run0001", "dead", 1), [], 1));
        Assert.True(Store.CompleteSucceeded(first, [], 1));
    }

    [Fact]
    public void GetRunSpec_returns_the_planned_spec()
    {
        var spec = new RunSpec(
            "pendulum",
            new DemoSpec("synthetic-20", "energy-shaping", "synthetic", HyperparameterSet.Empty, 20, 5, 7UL),
            "bc",
            "cfg0",
            HyperparameterSet.Empty,
            3,
            10_000L,
            5,
            new EvaluationSpec(10, 42UL),
            [new ProxySpec("bc_loss", HyperparameterSet.Empty)]);
        string json = RunSpecJson.Serialize(spec);
        string id = RunSpecJson.RunId(spec);
        Store.AddRuns([new PlannedRun(id, spec.Task, spec.Demonstrations.Name, spec.Algorithm, spec.ConfigId, spec.Seed, json)]);
        Assert.Equal(json, RunSpecJson.Serialize(Store.GetRunSpec(id)));
    }

    [Fact]
    public void GetRunSpec_of_an_unknown_run_throws_KeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => Store.GetRunSpec("nope"));
    }

    [Fact]
    public void Claims_from_many_threads_with_separate_connections_take_each_run_once()
    {
        const int runCount = 120, workers = 6;
        Store.AddRuns(Runs(0, runCount));
        var claims = ClaimConcurrently(workers, (s, w) =>
        {
            // Every worker tries every run, each in its own order, so most runs are contended.
            var order = Enumerable.Range(0, runCount).OrderBy(i => (i * (w + 3) * 7919) % runCount).ToList();
            var taken = new List<RunClaim>();
            foreach (int i in order)
            {
                var claim = s.TryClaim($"run{i:D4}", $"w{w}", Lease);
                if (claim is null) continue;
                Assert.True(s.CompleteSucceeded(claim, Checkpoints(2, i, "p"), 0.1));
                taken.Add(claim);
            }
            return taken;
        });
        AssertEachRunTakenOnce(claims, runCount);
        Assert.Equal(2 * runCount, Store.GetCheckpoints().Count);
    }

    [Fact]
    public void Plan_order_claims_from_many_threads_take_each_run_once()
    {
        const int runCount = 60, workers = 4;
        Store.AddRuns(Runs(0, runCount));
        var claims = ClaimConcurrently(workers, (s, w) =>
        {
            // Every worker claims until nothing is claimable, as tokens of any run would.
            var taken = new List<RunClaim>();
            while (s.TryClaimInPlanOrder("run0000", $"w{w}", Lease) is { } claim)
            {
                Assert.True(s.CompleteSucceeded(claim, Checkpoints(1, 0, "p"), 0.1));
                taken.Add(claim);
            }
            return taken;
        });
        AssertEachRunTakenOnce(claims, runCount);
    }

    /// <summary>Runs <paramref name="claimer"/> on one thread per worker, each with its own connection, all started
    /// together; returns every claim they made (and fails on any exception they threw).</summary>
    private List<RunClaim> ClaimConcurrently(int workers, Func<IStudyStore, int, List<RunClaim>> claimer)
    {
        var stores = Enumerable.Range(0, workers).Select(_ => _target.OpenStore(Clock)).ToList();
        var claims = new List<RunClaim>();
        var errors = new List<Exception>();
        using var barrier = new Barrier(workers);
        var threads = stores.Select((s, w) => new Thread(() =>
        {
            barrier.SignalAndWait();
            try
            {
                var taken = claimer(s, w);
                lock (claims) claims.AddRange(taken);
            }
            catch (Exception e)
            {
                lock (errors) errors.Add(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(errors);
        return claims;
    }

    private void AssertEachRunTakenOnce(List<RunClaim> claims, int runCount)
    {
        Assert.Equal(runCount, claims.Count);
        Assert.Equal(runCount, claims.Select(c => c.RunId).Distinct().Count());
        Assert.All(claims, c => Assert.Equal(1, c.Attempt));
        Assert.Equal(new StudyProgress(runCount, 0, 0, runCount, 0, 0), Store.GetProgress());
    }
}

public sealed class SqliteStudyStoreContractTests() : StudyStoreContractTests(new SqliteTarget());

[Collection(PostgresCollection.Name)]
public sealed class PostgresStudyStoreContractTests() : StudyStoreContractTests(new PostgresTarget());

/// <summary>PostgreSQL tests run one class at a time (one shared server on 2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection
{
    public const string Name = "postgres";
}
