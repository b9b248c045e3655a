namespace HpProxy.Core.Agents;

/// <summary>
/// Implemented by a learned reward whose value depends on the episode so far (PWIL's greedy coupling consumes
/// expert mass step by step). Whoever sums such a reward over rollouts (the imitation-return proxy) calls
/// <see cref="BeginEpisode"/> before each episode and then <see cref="ILearnedReward.Reward"/> once per step, in order.
/// </summary>
public interface IEpisodicReward
{
    void BeginEpisode();
}
