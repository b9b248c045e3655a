using HpProxy.Core.Spaces;

namespace HpProxy.Core.Experts;

/// <summary>
/// Settings of one ground-truth training run (the sanity mode, and expert training).
/// </summary>
public sealed record GroundTruthConfig
{
    /// <summary>"sac" or "td3" (<see cref="Agents.Online.OffPolicyRl.Backbones"/>).</summary>
    public string Backbone { get; init; } = "sac";

    /// <summary>Environment steps. 20 000: enough for SAC to swing up the pendulum (measured, docs/benchmarks.md).</summary>
    public long Steps { get; init; } = 20_000;

    /// <summary>Evenly spaced evaluations, the last at the end (as in studies). 10: ours.</summary>
    public int Checkpoints { get; init; } = 10;

    /// <summary>Deterministic evaluation episodes per checkpoint. 10: SPEC.md §5's default evaluation size.</summary>
    public int EvaluationEpisodes { get; init; } = 10;

    /// <summary>Root seed of the run (networks, exploration, replay, training episodes, evaluation).</summary>
    public ulong Seed { get; init; }

    /// <summary>Overrides of <see cref="Agents.Online.OffPolicyRl.Schema"/>'s hyperparameters (backbone + loop);
    /// <c>rl_algorithm</c> comes from <see cref="Backbone"/>. <c>expert_mix</c> must stay 0.</summary>
    public HyperparameterSet Hyperparameters { get; init; } = HyperparameterSet.Empty;
}
