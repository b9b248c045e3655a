using HpProxy.Core.Agents.Replay;

namespace HpProxy.Core.Agents.Rewards;

/// <summary>
/// The reward an off-policy backbone (SAC, TD3) trains on, computed for a batch <em>when it is sampled</em>, so
/// a learned reward (a discriminator) always relabels replay with its current parameters (Orsini et al. 2021)
/// and nothing stale is stored at collection time.
/// <para>
/// This is the injection point for the ground-truth sanity mode: Agents never see the true reward, but the
/// run executor may build a backbone with <see cref="Online.OffPolicyRl.Create"/> and an implementation of
/// this interface that lives outside <c>Agents</c> and computes the task's reward from (s, a, s'). Rows hold
/// raw observations (no normalisation); when absorbing states are on, each row has one extra indicator column.
/// </para>
/// </summary>
public interface ITransitionReward
{
    /// <summary>Writes one reward per row of <paramref name="batch"/> (rows [0, batch.Size)).</summary>
    void Rewards(TransitionBatch batch, Span<float> rewards);
}
