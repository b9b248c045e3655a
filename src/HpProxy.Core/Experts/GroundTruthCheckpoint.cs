namespace HpProxy.Core.Experts;

/// <summary>One evaluation of a ground-truth run: mean deterministic return over the evaluation episodes and
/// its normalised score (NaN when the task has no demonstrator to normalise against).</summary>
public sealed record GroundTruthCheckpoint(int Index, long Step, double Return, double NormalizedScore);
