using HpProxy.Core.Agents;
using HpProxy.Scheduling.Jobs;
using HpProxy.Scheduling.Tests.Fakes;
using HpProxy.Storage;

namespace HpProxy.Scheduling.Tests.Jobs;

public sealed class RunJobTests
{
    private static readonly StudyLocation Location = new("/nonexistent/results", "study");

    private static RunJob Job(IStudyStore store, DelegateWork work, SchedulingOptions? options = null, ActiveRuns? active = null) =>
        new(new DelegateStudyStoreOpener(_ => store), work, options ?? new SchedulingOptions(), active);

    [Fact]
    public void A_claimed_run_succeeds_with_every_checkpoint_written_once()
    {
        var store = new InMemoryStudyStore();
        store.Add("r1");
        var work = DelegateWork.Succeeding(checkpoints: 4);

        var outcome = Job(store, work).Run(Location, "r1", CancellationToken.None);

        Assert.Equal(RunJob.Outcome.Succeeded, outcome);
        var row = store["r1"];
        Assert.Equal(RunState.Succeeded, row.State);
        Assert.Equal([0, 1, 2, 3], row.Checkpoints.Select(c => c.Index));
        Assert.Equal(1, row.Completions);
        Assert.Null(row.Error);
        Assert.NotNull(row.Wall);
    }

    [Fact]
    public void A_finished_run_records_the_workers_code_version_and_its_cpu_time()
    {
        var store = new InMemoryStudyStore();
        store.Add("r1");
        var options = new SchedulingOptions { CodeVersion = "9.9.9+test" };

        Job(store, DelegateWork.Succeeding(checkpoints: 2), options).Run(Location, "r1", CancellationToken.None);

        var provenance = store["r1"].Provenance;
        Assert.NotNull(provenance);
        Assert.Equal("9.9.9+test", provenance.CodeVersion);
        Assert.True(provenance.CpuSeconds >= 0 || double.IsNaN(provenance.CpuSeconds), provenance.CpuSeconds.ToString());
        Assert.StartsWith("1.0.0", new SchedulingOptions().CodeVersion); // the build's version (+ git commit when built from a clone)
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_finished_run_records_the_configuration_its_work_trained(bool succeeds)
    {
        var store = new InMemoryStudyStore();
        store.Add("r1");
        const string resolved = "{\"learning_rate\":0.001}";
        var work = new DelegateWork((_, _, _) =>
            (succeeds ? RunWorkResult.Success : RunWorkResult.Failure("diverged")) with { ResolvedHyperparameters = resolved });

        Job(store, work).Run(Location, "r1", CancellationToken.None);

        Assert.Equal(succeeds ? RunState.Succeeded : RunState.Failed, store["r1"].State);
        Assert.Equal(resolved, store["r1"].Provenance?.ResolvedHyperparameters);
        Assert.Equal(resolved, store.GetRuns().Single().ResolvedHyperparameters);
    }

    [Fact]
    public void A_duplicate_delivery_of_a_run_held_by_a_live_lease_returns_at_once()
    {
        var store = new InMemoryStudyStore();
        store.Add("r1");
        store.Steal("r1", "other-host:1:abc");
        var work = DelegateWork.Succeeding();

        var outcome = Job(store, work).Run(Location, "r1", CancellationToken.None);

        Assert.Equal(RunJob.Outcome.NotClaimed, outcome);
        Assert.Equal(0, work.TotalCalls);
        Assert.Equal("other-host:1:abc", store["r1"].Owner);
        Assert.Equal(RunState.Running, store["r1"].State);
    }

    [Fact]
    public void A_run_whose_worker_died_in_every_allowed_attempt_is_recorded_as_failed_not_run_again()
    {
        var store = new InMemoryStudyStore();
        store.Add("r1", "r2");
        var dead = store["r1"];
        (dead.State, dead.Owner, dead.Attempts, dead.LeaseUntil) = (RunState.Running, "gone:1:x", 3, DateTimeOffset.UtcNow.AddMinutes(-1));
        var work = DelegateWork.Succeeding();

        var outcome = Job(store, work, new SchedulingOptions { MaxAttempts = 3 }).Run(Location, "r1", CancellationToken.None);

        Assert.Equal(RunJob.Outcome.Failed, outcome);
        Assert.Equal(0, work.TotalCalls);
        Assert.Equal(RunState.Failed, store["r1"].State);
        Assert.Contains("worker process died during each of 3 attempts", store["r1"].Error);
        // With attempts to spare, a run stranded the same way is simply run again.
        var stranded = store["r2"];
        (stranded.State, stranded.Owner, stranded.Attempts, stranded.LeaseUntil) = (RunState.Running, "gone:1:x", 3, DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(RunJob.Outcome.Succeeded, Job(store, work, new SchedulingOptions { MaxAttempts = 5 }).Run(Location, "r2", CancellationToken.None));
        Assert.Equal(4, store["r2"].Attempts);
    }

    [Fact]
    public void A_second_delivery_of_a_finished_run_does_nothing()
    {
        var store = new InMemoryStudyStore();
        store.Add("r1");
        var work = DelegateWork.Succeeding();
        var job = Job(store, work);

        Assert.Equal(RunJob.Outcome.Succeeded, job.Run(Location, "r1", CancellationToken.None));
        Assert.Equal(RunJob.Outcome.NotClaimed, job.Run(Location, "r1", CancellationToken.None));

        Assert.Equal(1, work.Calls("r1"));
        Assert.Equal(1, store["r1"].Completions);
    }

    [Fact]
    public void Work_that_throws_becomes_a_failed_run_with_the_reason_and_the_checkpoints_reached()
    {
        var store = new InMemoryStudyStore();
        store.Add("r1");
        var work = new DelegateWork((_, report, _) =>
        {
            report(DelegateWork.Checkpoint(0));
            throw new InvalidOperationException("replay buffer is empty");
        });

        var outcome = Job(store, work).Run(Location, "r1", CancellationToken.None);

        Assert.Equal(RunJob.Outcome.Failed, outcome);
        var row = store["r1"];
        Assert.Equal(RunState.Failed, row.State);
        Assert.Equal("InvalidOperationException: replay buffer is empty", row.Error);
        Assert.Single(row.Checkpoints);
    }

    [Fact]
    public void A_divergence_is_a_recorded_failure_named_as_such()
    {
        var store = new InMemoryStudyStore();
        store.Add("r1");
        var work = new DelegateWork((_, _, _) => throw new DivergenceException("critic loss is NaN at step 1200"));

        Assert.Equal(RunJob.Outcome.Failed, Job(store, work).Run(Location, "r1", CancellationToken.None));

        Assert.Equal("diverged: critic loss is NaN at step 1200", store["r1"].Error);
    }

    [Fact]
    public void A_failure_returned_by_the_work_is_recorded_with_its_reason()
    {
        var store = new InMemoryStudyStore();
        store.Add("r1");
        var work = new DelegateWork((_, report, _) =>
        {
            report(DelegateWork.Checkpoint(0));
            report(DelegateWork.Checkpoint(1));
            return RunWorkResult.Failure("timeout after 3600 s");
        });

        Assert.Equal(RunJob.Outcome.Failed, Job(store, work).Run(Location, "r1", CancellationToken.None));

        Assert.Equal("timeout after 3600 s", store["r1"].Error);
        Assert.Equal(2, store["r1"].Checkpoints.Count);
    }

    [Fact]
    public void Checkpoints_reported_out_of_order_are_written_in_index_order()
    {
        var store = new InMemoryStudyStore();
        store.Add("r1");
        var work = new DelegateWork((_, report, _) =>
        {
            report(DelegateWork.Checkpoint(2));
            report(DelegateWork.Checkpoint(0));
            report(DelegateWork.Checkpoint(1));
            return RunWorkResult.Success;
        });

        Job(store, work).Run(Location, "r1", CancellationToken.None);

        Assert.Equal([0, 1, 2], store["r1"].Checkpoints.Select(c => c.Index));
    }

    [Fact]
    public void A_claim_lost_before_the_final_write_writes_nothing()
    {
        var store = new InMemoryStudyStore();
        store.Add("r1");
        var work = new DelegateWork((ctx, report, _) =>
        {
            report(DelegateWork.Checkpoint(0));
            // Another worker took the run over (this one's lease had expired) while it was finishing.
            store.Steal(ctx.RunId, "thief:2:def");
            return RunWorkResult.Success;
        });

        var outcome = Job(store, work).Run(Location, "r1", CancellationToken.None);

        Assert.Equal(RunJob.Outcome.Abandoned, outcome);
        Assert.Equal(RunState.Running, store["r1"].State);
        Assert.Equal("thief:2:def", store["r1"].Owner);
        Assert.Empty(store["r1"].Checkpoints);
    }

    [Fact]
    public void A_lost_lease_cancels_the_work_through_renewal()
    {
        var store = new InMemoryStudyStore();
        store.Add("r1");
        bool sawCancellation = false;
        var work = new DelegateWork((ctx, _, ct) =>
        {
            store.Steal(ctx.RunId, "thief:2:def");
            // The next renewal (every lease/3 = 100 ms) is refused and must cancel us; wait generously for it.
            sawCancellation = ct.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            ct.ThrowIfCancellationRequested();
            return RunWorkResult.Success;
        });
        var options = new SchedulingOptions { Lease = TimeSpan.FromMilliseconds(300) };

        var outcome = Job(store, work, options).Run(Location, "r1", CancellationToken.None);

        Assert.True(sawCancellation);
        Assert.Equal(RunJob.Outcome.Abandoned, outcome);
        Assert.Equal("thief:2:def", store["r1"].Owner);
        Assert.Equal(0, store["r1"].Releases); // a lost claim is not ours to release
    }

    [Fact]
    public void A_stopping_worker_releases_its_run_so_that_it_is_pending_again_at_once()
    {
        var store = new InMemoryStudyStore();
        store.Add("r1");
        using var stop = new CancellationTokenSource();
        var work = new DelegateWork((_, report, ct) =>
        {
            report(DelegateWork.Checkpoint(0));
            stop.Cancel();
            ct.ThrowIfCancellationRequested();
            return RunWorkResult.Success;
        });

        var outcome = Job(store, work).Run(Location, "r1", stop.Token);

        Assert.Equal(RunJob.Outcome.Released, outcome);
        // Pending at once, the stopped attempt not counted: no lease to wait for, no failure recorded.
        var row = store["r1"];
        Assert.Equal((RunState.Pending, (string?)null, (DateTimeOffset?)null, 0, 1), (row.State, row.Owner, row.LeaseUntil, row.Attempts, row.Releases));
        Assert.Empty(row.Checkpoints);
        Assert.Null(row.Error);
        Assert.Equal(["r1"], store.RunsToEnqueue(DateTimeOffset.UtcNow));
        Assert.Equal(new RunClaim("r1", "next", 1), store.TryClaim("r1", "next", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void A_stopping_worker_whose_claim_was_taken_over_releases_nothing()
    {
        var store = new InMemoryStudyStore();
        store.Add("r1");
        using var stop = new CancellationTokenSource();
        var work = new DelegateWork((ctx, _, ct) =>
        {
            store.Steal(ctx.RunId, "thief:2:def"); // our lease expired and another worker took the run
            stop.Cancel();
            ct.ThrowIfCancellationRequested();
            return RunWorkResult.Success;
        });

        var outcome = Job(store, work).Run(Location, "r1", stop.Token);

        Assert.Equal(RunJob.Outcome.Abandoned, outcome);
        var row = store["r1"];
        Assert.Equal((RunState.Running, "thief:2:def", 2, 0), (row.State, row.Owner, row.Attempts, row.Releases));
    }

    [Fact]
    public void An_unopenable_study_database_is_reported_not_thrown()
    {
        var job = new RunJob(new DelegateStudyStoreOpener(_ => throw new IOException("disk full")),
            DelegateWork.Succeeding(), new SchedulingOptions());

        Assert.Equal(RunJob.Outcome.StoreError, job.Run(Location, "r1", CancellationToken.None));
    }

    [Fact]
    public void The_active_run_is_listed_while_it_works_and_removed_after()
    {
        var store = new InMemoryStudyStore();
        store.Add("r1");
        var active = new ActiveRuns();
        string? during = null;
        var work = new DelegateWork((_, _, _) =>
        {
            during = active.Describe();
            return RunWorkResult.Success;
        });

        Job(store, work, active: active).Run(Location, "r1", CancellationToken.None);

        Assert.Equal("r1", during);
        Assert.Null(active.Describe());
    }

    [Fact]
    public void Claim_owners_name_host_and_process_and_differ_per_attempt()
    {
        string a = OwnerId.NewClaimOwner(), b = OwnerId.NewClaimOwner();

        Assert.StartsWith($"{Environment.MachineName}:{Environment.ProcessId}:", a);
        Assert.NotEqual(a, b);
    }
}
