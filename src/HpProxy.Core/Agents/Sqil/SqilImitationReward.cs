using HpProxy.Core.Agents.Online;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Common;

namespace HpProxy.Core.Agents.Sqil;

/// <summary>
/// SQIL (Reddy et al. 2020, "SQIL: Imitation Learning via Reinforcement Learning with Sparse Rewards", §3):
/// reward 1 for demonstration transitions and 0 for the agent's own, with every batch balanced between the
/// two (the loop's expert mix). Nothing is learned, so there is no learned reward to expose.
/// </summary>
public sealed class SqilImitationReward : IImitationReward
{
    private static readonly Dictionary<string, double> NoDiagnostics = new();

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

    public IReadOnlyDictionary<string, double> Diagnostics => NoDiagnostics;

    public ILearnedReward? LearnedReward => null;
}
