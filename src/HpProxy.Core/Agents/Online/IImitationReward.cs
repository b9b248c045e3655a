using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Agents.Rewards;
using HpProxy.Core.Common;

namespace HpProxy.Core.Agents.Online;

/// <summary>
/// The imitation half of an online IL algorithm: a reward for sampled batches (<see cref="ITransitionReward"/>)
/// plus the hooks that keep it current — learning (a discriminator step) and, for episodic rewards such as
/// PWIL, a value computed as each environment step happens.
/// </summary>
public interface IImitationReward : ITransitionReward
{
    /// <summary>Called at each episode start of the training environment.</summary>
    void BeginEpisode();

    /// <summary>The per-transition scalar to store with this environment step (PWIL's reward); 0 if unused.</summary>
    float OnEnvironmentStep(ReadOnlySpan<float> observation, ReadOnlySpan<float> action);

    /// <summary>One learning step of the reward (e.g. a discriminator update on expert vs agent replay).</summary>
    void Update(ReplayBuffer agentReplay, Rng rng);

    IReadOnlyDictionary<string, double> Diagnostics { get; }

    /// <summary>The learned reward exposed to the imitation-return proxy, on raw observations.</summary>
    ILearnedReward? LearnedReward { get; }
}
