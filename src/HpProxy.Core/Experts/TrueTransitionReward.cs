using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Agents.Rewards;

namespace HpProxy.Core.Experts;

/// <summary>
/// The task's true reward as the injected reward of an off-policy backbone (<see cref="Agents.Online.OffPolicyRl.Create"/>):
/// each sampled row's reward is looked up in the <see cref="TrueRewardTable"/> filled by the
/// <see cref="RewardRecordingEnvironment"/> the learner steps. A row that was never produced by that
/// environment (a demonstration row under <c>expert_mix</c> &gt; 0, or absorbing rows) is an error, not a silent 0.
/// </summary>
public sealed class TrueTransitionReward(TrueRewardTable table) : ITransitionReward
{
    public void Rewards(TransitionBatch batch, Span<float> rewards)
    {
        for (int i = 0; i < batch.Size; i++)
        {
            if (!table.TryGet(batch.Observation(i), batch.Action(i), batch.NextObservation(i), out float r))
                throw new InvalidOperationException("a sampled transition has no recorded true reward (expert_mix must be 0 in the sanity mode)");
            rewards[i] = r;
        }
    }
}
