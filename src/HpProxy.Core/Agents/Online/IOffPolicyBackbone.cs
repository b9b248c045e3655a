using HpProxy.Core.Agents.Replay;

namespace HpProxy.Core.Agents.Online;

/// <summary>
/// An off-policy RL learner (SAC, TD3) as the online imitation algorithms use it: it acts, and it updates
/// from a sampled batch with rewards computed for that batch. It never sees where the rewards came from.
/// Observations are stored rows (raw, plus the absorbing indicator when on); the backbone normalises them.
/// </summary>
public interface IOffPolicyBackbone
{
    /// <summary>The exploration action (stochastic policy or deterministic action plus noise).</summary>
    void ExploreAction(ReadOnlySpan<float> storedObservation, Span<float> action);

    /// <summary>The evaluation action (tanh of the mean; no noise).</summary>
    void DeterministicAction(ReadOnlySpan<float> storedObservation, Span<float> action);

    /// <summary>One gradient update on <paramref name="batch"/> with <paramref name="rewards"/> (one per row).
    /// Throws <see cref="DivergenceException"/> when a loss becomes non-finite.</summary>
    void Update(TransitionBatch batch, ReadOnlySpan<float> rewards);

    /// <summary>Latest training metrics (losses, temperature), written in place.</summary>
    IReadOnlyDictionary<string, double> Metrics { get; }
}
