using HpProxy.Core.Agents.Online;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Common;

namespace HpProxy.Core.Agents.Pwil;

/// <summary>
/// PWIL inside the online loop. PWIL's reward is not learned but depends on the episode's history (the
/// coupling consumes expert mass), so it is the one reward computed at collection time and stored with the
/// transition (<see cref="TransitionBatch.Stored"/>); it never changes afterwards, so nothing goes stale.
/// Expert prefill rows carry their constant reward α in the same column.
/// </summary>
public sealed class PwilImitationReward(PwilReward training, PwilLearnedReward view) : IImitationReward
{
    private readonly Dictionary<string, double> _diagnostics = new(StringComparer.Ordinal);
    private double _episodeReward;

    public void BeginEpisode()
    {
        if (training.RemainingExpertMass < 1.0) _diagnostics["pwil_last_episode_reward"] = _episodeReward;
        _episodeReward = 0;
        training.BeginEpisode();
    }

    public float OnEnvironmentStep(ReadOnlySpan<float> observation, ReadOnlySpan<float> action)
    {
        double r = training.Step(observation, action);
        _episodeReward += r;
        return (float)r;
    }

    public void Rewards(TransitionBatch batch, Span<float> rewards) => batch.Stored.AsSpan(0, batch.Size).CopyTo(rewards);

    public void Update(ReplayBuffer agentReplay, Rng rng)
    {
    }

    public IReadOnlyDictionary<string, double> Diagnostics => _diagnostics;

    public ILearnedReward? LearnedReward => view;
}
