using HpProxy.Core.Agents;
using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Proxies;

/// <summary>
/// "imitation_return": mean over the evaluation rollouts of Σ_t r̂(s_t, a_t, s_{t+1}) under the reward the
/// agent itself learned (its discriminator or PWIL reward; SPEC.md §5). Higher is better. NaN when the learner
/// has no learned reward (BC). Scores are on each learner's own scale, so they compare configurations of one
/// algorithm, not algorithms; "reference_imitation_return" is the common-scale variant.
/// </summary>
public sealed class ImitationReturnProxy : IProxy
{
    public const string ProxyName = "imitation_return";

    public string Name => ProxyName;
    public ProxyDirection Direction => ProxyDirection.HigherIsBetter;
    public ProxyReads Reads => ProxyReads.AgentRollouts | ProxyReads.TrainingState;
    public string Description => "mean rollout return under the agent's own learned reward";

    public double Compute(ProxyInputs inputs) =>
        inputs.Learner.LearnedReward is { } reward ? MeanReturn(reward, inputs.Rollouts) : double.NaN;

    /// <summary>Mean over episodes of the undiscounted sum of learned rewards; NaN without episodes.</summary>
    public static double MeanReturn(ILearnedReward reward, IReadOnlyList<Trajectory> rollouts)
    {
        if (rollouts.Count == 0) return double.NaN;
        double total = 0;
        foreach (var e in rollouts)
            for (int t = 0; t < e.Length; t++)
                total += reward.Reward(e.Observation(t), e.Action(t), e.Observation(t + 1));
        return total / rollouts.Count;
    }
}
