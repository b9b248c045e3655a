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
/// <param name="training">The coupling of the training episodes.</param>
/// <param name="view">The learned-reward view for the proxies (its own coupling).</param>
/// <param name="absorbing">When <c>absorbing_states</c> was requested: the learner's absorbing-state layout. Rows
/// whose observation is the absorbing state (the self-loops after a termination) are then rewarded
/// <see cref="PwilReward.AbsorbingReward"/> whatever they stored, and the diagnostic <c>absorbing_states</c> is
/// recorded (1 when the task needs them). Null: the paper's PWIL, with no new diagnostic.</param>
public sealed class PwilImitationReward(PwilReward training, PwilLearnedReward view, AbsorbingStates? absorbing = null) : IImitationReward
{
    private readonly Dictionary<string, double> _diagnostics = Initial(absorbing);
    private readonly float _absorbingReward = (float)training.AbsorbingReward;
    private double _episodeReward;

    private static Dictionary<string, double> Initial(AbsorbingStates? absorbing)
    {
        var d = new Dictionary<string, double>(StringComparer.Ordinal);
        if (absorbing is not null) d["absorbing_states"] = absorbing.Enabled ? 1 : 0;
        return d;
    }

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

    public void Rewards(TransitionBatch batch, Span<float> rewards)
    {
        batch.Stored.AsSpan(0, batch.Size).CopyTo(rewards);
        if (absorbing is not { Enabled: true }) return;
        int width = absorbing.StoredObservationSize;
        for (int i = 0; i < batch.Size; i++)
        {
            if (absorbing.IsAbsorbing(batch.Observations.AsSpan(i * width, width))) rewards[i] = _absorbingReward;
        }
    }

    public void Update(ReplayBuffer agentReplay, Rng rng)
    {
    }

    public IReadOnlyDictionary<string, double> Diagnostics => _diagnostics;

    public ILearnedReward? LearnedReward => view;
}
