namespace HpProxy.Core.Agents;

/// <summary>
/// The deterministic evaluation policy of an agent (mean action, tanh(mean) for squashed Gaussians; SPEC.md §5).
/// Takes the raw observation; the agent applies its own observation normalisation.
/// </summary>
public interface IPolicy
{
    void Act(ReadOnlySpan<float> observation, Span<float> action);
}
