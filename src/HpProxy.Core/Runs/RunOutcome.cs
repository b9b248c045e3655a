namespace HpProxy.Core.Runs;

/// <summary>How a run ended: succeeded with every checkpoint, or failed with its reason and the checkpoints it reached.</summary>
public sealed record RunOutcome(bool Succeeded, string? FailureReason, IReadOnlyList<CheckpointResult> Checkpoints, double WallSeconds);
