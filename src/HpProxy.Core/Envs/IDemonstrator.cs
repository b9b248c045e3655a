namespace HpProxy.Core.Envs;

/// <summary>
/// A controller that produces demonstrations: a scripted controller, a policy trained with the true reward,
/// or one of those wrapped in a regime (synthetic or human-like). It may be stochastic; all its randomness
/// comes from the seed given at <see cref="Reset"/>.
/// </summary>
public interface IDemonstrator
{
    string Name { get; }

    void Reset(ulong episodeSeed);

    void Act(ReadOnlySpan<float> observation, Span<float> action);
}
