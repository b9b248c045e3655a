using HpProxy.Core.Analysis;
using HpProxy.Core.Envs;
using HpProxy.Core.Runs;
using HpProxy.Core.Studies;

namespace HpProxy.Storage;

/// <summary>
/// The study database: the source of truth for what is done. Implemented over SQLite (default, one file per
/// study, WAL) and PostgreSQL (a study spanning machines). Effects are exactly-once even though Hangfire
/// delivers jobs at least once: a job claims its run with a lease, renews it, and completes it in one
/// transaction that writes every checkpoint and the final state (DESIGN.md, "Hangfire storage").
/// </summary>
public interface IStudyStore : IDisposable
{
    /// <summary>Creates or migrates the schema (versioned). Safe to call from every process.</summary>
    void Migrate();

    /// <summary>Records the study file (name, canonical hash, text) the runs came from; returns the stored info.</summary>
    StudyInfo SaveStudy(string name, string fileHash, string fileText, string codeVersion);

    StudyInfo? GetStudy();

    /// <summary>Inserts runs that are not there yet (by run id); existing runs, finished or not, are untouched.
    /// Returns how many were new.</summary>
    int AddRuns(IEnumerable<PlannedRun> runs);

    /// <summary>Reference returns of a (task, demonstration set), stored once at planning.</summary>
    void SaveReferences(string task, string demonstrations, ReferenceReturns references);

    ReferenceReturns? GetReferences(string task, string demonstrations);

    /// <summary>Atomically claims a run: pending, or running with an expired lease → running, owned by
    /// <paramref name="owner"/> until now + <paramref name="lease"/>. Null when the run is finished, cancelled
    /// or held by a live lease (a duplicate delivery returns at once).</summary>
    RunClaim? TryClaim(string runId, string owner, TimeSpan lease);

    /// <summary>Claims the <b>first claimable run in plan order</b> (lowest seq: pending, or running with an expired
    /// lease), which is usually <paramref name="runId"/> (the run whose job is being delivered) but is an earlier run
    /// whenever one is claimable: a run stranded by a killed worker, or one whose job sits behind later jobs in the
    /// queue after a <c>resume</c>. Jobs are then interchangeable tokens, and the queue's order no longer decides the
    /// order of the runs, so a partial study keeps whole groups (decision 0009). Same guarantees as
    /// <see cref="TryClaim"/> (one atomic statement; null when no run is claimable). Added after the first contract;
    /// the default claims <paramref name="runId"/> only, as before.</summary>
    RunClaim? TryClaimInPlanOrder(string runId, string owner, TimeSpan lease) => TryClaim(runId, owner, lease);

    /// <summary>Extends the lease; false when the claim was lost (another owner took over after expiry).</summary>
    bool RenewLease(RunClaim claim, TimeSpan lease);

    /// <summary>Gives a claim back at once on a graceful stop (SIGTERM, Ctrl-C, a job aborted by Hangfire): running →
    /// pending, owner and lease cleared, and the attempt not counted (attempts go back down), so the run can be
    /// claimed again immediately instead of one lease later. Conditional on the claim like
    /// <see cref="RenewLease"/>: false when it was already lost. The next claim may reuse the attempt number, so
    /// owners must be unique per claim (<c>OwnerId</c> adds a nonce) for the released claim to stay dead. A killed worker cannot call this; its run still
    /// waits for the lease to expire. Added after the first contract; the default releases nothing (the run then
    /// waits for its lease, as before).</summary>
    bool ReleaseClaim(RunClaim claim) => false;

    /// <summary>Writes every checkpoint and the succeeded state in one transaction, replacing any rows of an
    /// earlier attempt (keyed by run id and checkpoint index). False when the claim was lost.</summary>
    bool CompleteSucceeded(RunClaim claim, IReadOnlyList<CheckpointResult> checkpoints, double wallSeconds, RunProvenance? provenance = null);

    /// <summary>Records a failure with its reason (divergence, exception, timeout), keeping any checkpoints reached.</summary>
    bool CompleteFailed(RunClaim claim, string reason, IReadOnlyList<CheckpointResult> checkpoints, double wallSeconds, RunProvenance? provenance = null);

    /// <summary>Runs that are pending, or running with an expired lease (what the coordinator (re-)enqueues).</summary>
    IReadOnlyList<string> RunsToEnqueue(DateTimeOffset now);

    /// <summary>Moves every pending run to cancelled (running runs finish their current attempt); returns how many.</summary>
    int CancelPending();

    /// <summary>Moves cancelled (and, if asked, failed) runs back to pending; returns how many.</summary>
    int Requeue(bool includeFailed);

    RunSpec GetRunSpec(string runId);

    StudyProgress GetProgress();

    IReadOnlyList<RunRecord> GetRuns();

    IReadOnlyList<CheckpointRow> GetCheckpoints();

    /// <summary>Workers record a heartbeat so status and the dashboard can show live processes.</summary>
    void Heartbeat(string workerId, int processId, string host, string? currentRunId);

    IReadOnlyList<WorkerInfo> GetWorkers(TimeSpan aliveWithin);
}

public sealed record StudyInfo(string Name, string FileHash, string FileText, string CodeVersion, DateTimeOffset CreatedAt);

/// <summary>A planned run as the store keeps it; <see cref="SpecJson"/> is the canonical JSON of its <see cref="RunSpec"/>.</summary>
public sealed record PlannedRun(string RunId, string Task, string Demonstrations, string Algorithm, string ConfigId, int Seed, string SpecJson);

public sealed record RunClaim(string RunId, string Owner, int Attempt);

public enum RunState
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

public sealed record RunRecord(
    string RunId,
    string Task,
    string Demonstrations,
    string Algorithm,
    string ConfigId,
    int Seed,
    RunState State,
    string? Owner,
    DateTimeOffset? LeaseUntil,
    int Attempts,
    string? Error,
    double? WallSeconds,
    string SpecJson,
    string? CodeVersion = null,
    double? CpuSeconds = null)
{
    /// <summary>The configuration the worker trained this run with (<see cref="RunProvenance.ResolvedHyperparameters"/>);
    /// null before it ends, and for runs finished before the store recorded it.</summary>
    public string? ResolvedHyperparameters { get; init; }
}

/// <summary>What produced a finished run, written with its final state: the worker's code version (a study resumed
/// across sessions can mix versions, and its report says so) and the CPU seconds of the thread that ran it.</summary>
public sealed record RunProvenance(string CodeVersion, double CpuSeconds)
{
    /// <summary>Every declared hyperparameter with the value the run was trained with, defaults included
    /// (<c>IAlgorithm.Resolve</c>, canonical JSON); null when the work did not say (<c>DefaultsDrift</c> reads it).</summary>
    public string? ResolvedHyperparameters { get; init; }
}

/// <summary>Run counts by state. <see cref="Running"/> counts every run in state running, including those whose lease
/// expired; <see cref="Stalled"/> is that part of it (its worker died: kill -9, reboot), so live runs are
/// Running − Stalled and "runs left" stays Pending + Running.</summary>
public sealed record StudyProgress(int Total, int Pending, int Running, int Succeeded, int Failed, int Cancelled)
{
    /// <summary>Runs in state running whose lease has expired: nobody is working on them; the next claim takes them
    /// (first, in plan order). A subset of <see cref="Running"/>. Added after the first contract (0 from stores that
    /// do not tell).</summary>
    public int Stalled { get; init; }

    /// <summary>Runs in state running under a live lease: being worked on right now.</summary>
    public int LiveRunning => Running - Stalled;
}

public sealed record WorkerInfo(string WorkerId, int ProcessId, string Host, string? CurrentRunId, DateTimeOffset LastSeen);
