using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Common;

namespace HpProxy.Core.Agents.Online;

/// <summary>
/// Adapts a plain <see cref="Rewards.ITransitionReward"/> supplied from outside Agents (the ground-truth sanity
/// mode) to the loop: no learning, no stored values, no learned reward to expose.
/// </summary>
internal sealed class InjectedReward(Rewards.ITransitionReward reward) : IImitationReward
{
    private static readonly Dictionary<string, double> NoDiagnostics = new();

    public void BeginEpisode()
    {
    }

    public float OnEnvironmentStep(ReadOnlySpan<float> observation, ReadOnlySpan<float> action) => 0f;

    public void Rewards(TransitionBatch batch, Span<float> rewards) => reward.Rewards(batch, rewards);

    public void Update(ReplayBuffer agentReplay, Rng rng)
    {
    }

    public IReadOnlyDictionary<string, double> Diagnostics => NoDiagnostics;

    public ILearnedReward? LearnedReward => null;
}
