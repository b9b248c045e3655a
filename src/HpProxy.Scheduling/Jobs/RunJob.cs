using System.Diagnostics;
using Hangfire;
using HpProxy.Core.Agents;
using HpProxy.Core.Runs;
using HpProxy.Storage;

namespace HpProxy.Scheduling.Jobs;

/// <summary>
/// The Hangfire job: one per run. Hangfire may deliver it more than once (DESIGN.md), so the study database
/// decides: the job claims a run with a lease, keeps the lease alive while it works, and writes every
/// checkpoint and the final state in one transaction. The run claimed is the first claimable one in plan order
/// (<see cref="IStudyStore.TryClaimInPlanOrder"/>), usually the job's own; an earlier one when a dead worker left it
/// stranded, so those are redone first whatever the queue holds (decision 0009). A delivery that finds no claimable
/// run (all finished or held by live leases) returns at once. The job never throws: a failure is a recorded outcome, and Hangfire must not retry on
/// its own (the coordinator re-enqueues runs whose lease expired).
/// </summary>
public sealed class RunJob(
    IStudyStoreOpener stores,
    IRunWork work,
    SchedulingOptions options,
    ActiveRuns? active = null,
    Action<string>? log = null,
    IStudyStore? sharedStore = null)
{
    private readonly Action<string> _log = log ?? (_ => { });

    /// <summary>What happened to one delivery (for logs and tests).</summary>
    public enum Outcome
    {
        /// <summary>The run was finished, cancelled or held by a live lease: nothing done.</summary>
        NotClaimed,
        Succeeded,
        Failed,
        /// <summary>The claim was lost (or could not be given back): nothing written; redone after lease expiry.</summary>
        Abandoned,
        /// <summary>The worker stopped (or Hangfire aborted the job): nothing written, the claim given back, so the
        /// run is pending again at once (<see cref="IStudyStore.ReleaseClaim"/>).</summary>
        Released,
        /// <summary>The study database could not be used (open, claim or final write threw).</summary>
        StoreError,
    }

    /// <summary>Hangfire's entry point. Arguments are plain strings so the job serialises trivially;
    /// Hangfire substitutes <paramref name="cancellationToken"/> with its shutdown token.</summary>
    [AutomaticRetry(Attempts = 0)]
    public void Execute(string resultsRoot, string studyName, string runId, CancellationToken cancellationToken) =>
        Run(StudyLocation.Create(resultsRoot, studyName), runId, cancellationToken);

    /// <summary>Claims, works, completes. Never throws.</summary>
    public Outcome Run(StudyLocation location, string runId, CancellationToken cancellationToken)
    {
        // A worker host passes its own store (the stores are thread-safe: a connection per call), which spares
        // every job an open and a schema check; otherwise each job opens and closes one.
        if (sharedStore is not null) return RunWithStore(sharedStore, location, runId, cancellationToken);
        IStudyStore store;
        try
        {
            store = stores.Open(location);
        }
        catch (Exception e)
        {
            _log($"run {runId}: cannot open the study database: {e.Message}");
            return Outcome.StoreError;
        }
        using (store)
        {
            return RunWithStore(store, location, runId, cancellationToken);
        }
    }

    private Outcome RunWithStore(IStudyStore store, StudyLocation location, string runId, CancellationToken cancellationToken)
    {
        RunClaim? claim;
        try
        {
            // The first claimable run in plan order, usually this job's own: the queue's order does not decide the
            // order of the runs (a resume leaves the dead coordinator's jobs ahead of the stranded runs' new ones).
            claim = store.TryClaimInPlanOrder(runId, OwnerId.NewClaimOwner(), options.Lease);
        }
        catch (Exception e)
        {
            _log($"run {runId}: claim failed: {e.Message}");
            return Outcome.StoreError;
        }
        if (claim is null)
        {
            // No run is claimable: every run is finished, cancelled or held by a live lease (a duplicate delivery).
            _log($"run {runId}: not claimable (duplicate delivery or finished); skipped");
            return Outcome.NotClaimed;
        }

        _log(claim.RunId == runId
            ? $"run {runId}: claimed by {claim.Owner} (attempt {claim.Attempt})"
            : $"run {claim.RunId}: claimed by {claim.Owner} (attempt {claim.Attempt}) with the job of run {runId} (earlier in plan order)");
        if (claim.Attempt > options.MaxAttempts) return GiveUp(store, claim);
        active?.Add(claim.RunId);
        try
        {
            return Work(store, location, claim, cancellationToken);
        }
        finally
        {
            active?.Remove(claim.RunId);
        }
    }

    private Outcome Work(IStudyStore store, StudyLocation location, RunClaim claim, CancellationToken shutdown)
    {
        var checkpoints = new List<CheckpointResult>();
        var gate = new Lock();
        using var keeper = new LeaseKeeper(store, claim, options.Lease, _log);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(shutdown, keeper.LostToken);
        keeper.Start();
        var clock = Stopwatch.StartNew();
        // The work runs on this thread, so its CPU time is the run's cost whatever else the machine does.
        double cpuStartMs = ThreadCpuClock.NowMs();
        string? failure;
        string? resolved = null;
        try
        {
            var result = work.Execute(
                new RunWorkContext(location, claim.RunId, claim, store),
                cp =>
                {
                    lock (gate) checkpoints.Add(cp);
                },
                linked.Token);
            failure = result.FailureReason;
            resolved = result.ResolvedHyperparameters;
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            keeper.Stop();
            if (keeper.IsLost)
            {
                _log($"run {claim.RunId}: stopped (lease lost); left for a later attempt");
                return Outcome.Abandoned;
            }
            return Release(store, claim);
        }
        catch (DivergenceException e)
        {
            failure = "diverged: " + e.Message;
        }
        catch (Exception e)
        {
            failure = $"{e.GetType().Name}: {e.Message}";
        }
        keeper.Stop();
        double wall = clock.Elapsed.TotalSeconds;
        var provenance = new RunProvenance(options.CodeVersion, (ThreadCpuClock.NowMs() - cpuStartMs) / 1000)
        {
            ResolvedHyperparameters = resolved,
        };

        if (keeper.IsLost)
        {
            _log($"run {claim.RunId}: finished after its lease was lost; results discarded");
            return Outcome.Abandoned;
        }

        List<CheckpointResult> reached;
        lock (gate) reached = [.. checkpoints.OrderBy(c => c.Index)];
        try
        {
            bool written = failure is null
                ? store.CompleteSucceeded(claim, reached, wall, provenance)
                : store.CompleteFailed(claim, failure, reached, wall, provenance);
            if (!written)
            {
                _log($"run {claim.RunId}: claim lost before the final write; results discarded");
                return Outcome.Abandoned;
            }
        }
        catch (Exception e)
        {
            _log($"run {claim.RunId}: final write failed: {e.Message}; redone after the lease expires");
            return Outcome.StoreError;
        }
        _log(failure is null
            ? $"run {claim.RunId}: succeeded in {wall:F1} s ({reached.Count} checkpoints)"
            : $"run {claim.RunId}: failed in {wall:F1} s: {failure}");
        return failure is null ? Outcome.Succeeded : Outcome.Failed;
    }

    /// <summary>Every earlier attempt of this run ended with its worker process dead (no result, no release): record
    /// the run as failed with that reason rather than crash one more worker.</summary>
    private Outcome GiveUp(IStudyStore store, RunClaim claim)
    {
        string reason = $"its worker process died during each of {claim.Attempt - 1} attempts (a native crash, out of memory, " +
            "or killed); see the worker logs";
        try
        {
            if (!store.CompleteFailed(claim, reason, [], 0))
            {
                _log($"run {claim.RunId}: claim lost before recording it as failed");
                return Outcome.Abandoned;
            }
        }
        catch (Exception e)
        {
            _log($"run {claim.RunId}: could not record it as failed: {e.Message}");
            return Outcome.StoreError;
        }
        _log($"run {claim.RunId}: failed: {reason}");
        return Outcome.Failed;
    }

    /// <summary>A graceful stop: give the claim back so the run is redone at once, not one lease later. Only a
    /// process that dies without this (kill -9, power loss) leaves its run to the lease.</summary>
    private Outcome Release(IStudyStore store, RunClaim claim)
    {
        try
        {
            if (store.ReleaseClaim(claim))
            {
                _log($"run {claim.RunId}: stopped (worker stopping); claim released, the run is pending again");
                return Outcome.Released;
            }
            _log($"run {claim.RunId}: stopped (worker stopping); the claim was already lost");
        }
        catch (Exception e)
        {
            _log($"run {claim.RunId}: stopped (worker stopping); could not release the claim ({e.Message}); redone after the lease expires");
        }
        return Outcome.Abandoned;
    }
}
