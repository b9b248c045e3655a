using HpProxy.Core.Agents.Online;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Common;

namespace HpProxy.Core.Agents.Sqil;

/// <summary>
/// SQIL (Reddy et al. 2020, "SQIL: Imitation Learning via Reinforcement Learning with Sparse Rewards", §3):
/// reward 1 for demonstration transitions and 0 for the agent's own, with every batch balanced between the
/// two (the loop's expert mix). Nothing is learned, so there is no learned reward to expose.
/// </summary>
/// <param name="absorbingStates">Whether the learner stores absorbing rows; reported as the diagnostic
/// <c>absorbing_states</c> (1 or 0), as the adversarial learners do.</param>
public sealed class SqilImitationReward(bool absorbingStates = false) : IImitationReward
{
    private readonly Dictionary<string, double> _diagnostics = new() { ["absorbing_states"] = absorbingStates ? 1 : 0 };

    public void BeginEpisode()
    {
    }

    public float OnEnvironmentStep(ReadOnlySpan<float> observation, ReadOnlySpan<float> action) => 0f;

    public void Rewards(TransitionBatch batch, Span<float> rewards)
    {
        for (int i = 0; i < batch.Size; i++) rewards[i] = batch.IsExpert[i] ? 1f : 0f;
    }

    public void Update(ReplayBuffer agentReplay, Rng rng)
    {
    }

    public IReadOnlyDictionary<string, double> Diagnostics => _diagnostics;

    public ILearnedReward? LearnedReward => null;
}
