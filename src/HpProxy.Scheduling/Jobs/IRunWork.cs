using HpProxy.Core.Runs;
using HpProxy.Storage;

namespace HpProxy.Scheduling.Jobs;

/// <summary>
/// The work of one claimed run: train, evaluate at checkpoints, compute proxies. The job around it owns the
/// claim, the lease renewal and the final write; the work only reports checkpoints as it reaches them and says
/// whether it succeeded. It may throw: any exception (a <c>DivergenceException</c> included) becomes a failed run
/// with the exception's message as its reason. It must observe <paramref name="cancellationToken"/> (the lease
/// was lost or the worker is stopping): then nothing is written and the run is redone after its lease expires.
/// </summary>
public interface IRunWork
{
    RunWorkResult Execute(RunWorkContext context, Action<CheckpointResult> onCheckpoint, CancellationToken cancellationToken);
}

/// <summary>What the work may read: the run id, the claim (for logs) and the open study store
/// (<see cref="IStudyStore.GetRunSpec"/>, <see cref="IStudyStore.GetReferences"/>). Writing is the job's.</summary>
public sealed record RunWorkContext(StudyLocation Location, string RunId, RunClaim Claim, IStudyStore Store);

/// <summary>The end of a run's work: success, or a recorded failure (divergence, timeout) with its reason.
/// Checkpoints are the ones reported through the callback, kept in both cases.</summary>
public sealed record RunWorkResult(string? FailureReason)
{
    public static RunWorkResult Success { get; } = new((string?)null);

    public static RunWorkResult Failure(string reason) => new(reason);

    public bool Succeeded => FailureReason is null;

    /// <summary>The configuration the run was trained with, every default included (canonical JSON of
    /// <c>IAlgorithm.Resolve</c>); the job records it with the run (<see cref="RunProvenance"/>). Null when unknown.</summary>
    public string? ResolvedHyperparameters { get; init; }
}
