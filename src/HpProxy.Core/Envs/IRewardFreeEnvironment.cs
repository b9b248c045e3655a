namespace HpProxy.Core.Envs;

/// <summary>
/// The only view of an environment that agents and proxies may hold: dynamics without the reward.
/// The true reward stays behind <see cref="IEnvironment"/>, which agents and proxies never see
/// (enforced by <c>RewardIsolationTests</c>).
/// </summary>
public interface IRewardFreeEnvironment
{
    TaskInfo Info { get; }

    /// <summary>Starts an episode from an initial state drawn with <paramref name="seed"/>.</summary>
    void Reset(ulong seed, Span<float> observation);

    /// <summary>Applies an action in [-1, 1]^A (values outside are clipped) and writes the next observation.</summary>
    StepStatus Step(ReadOnlySpan<float> action, Span<float> nextObservation);
}
