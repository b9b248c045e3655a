namespace HpProxy.Core.Agents.Td3;

/// <summary>Hyperparameters of the TD3 backbone (Fujimoto et al. 2018, "Addressing Function Approximation Error
/// in Actor-Critic Methods", arXiv 1802.09477).</summary>
public sealed record Td3Config
{
    /// <summary>Adam step size of actor and critics. 3e-4: the authors' updated reference code (the paper used 1e-3).</summary>
    public double LearningRate { get; init; } = 3e-4;

    /// <summary>Hidden layers. 2: TD3 paper, Table 3.</summary>
    public int HiddenLayers { get; init; } = 2;

    /// <summary>Units per hidden layer. 256: the authors' updated reference code (the paper used 400-300).</summary>
    public int HiddenUnits { get; init; } = 256;

    /// <summary>γ. 0.99: TD3 paper, Table 3.</summary>
    public double Discount { get; init; } = 0.99;

    /// <summary>Polyak τ of actor and critic targets. 0.005: TD3 paper, Table 3.</summary>
    public double Tau { get; init; } = 0.005;

    /// <summary>Std of the target policy smoothing noise, sampled per sample (eq. 14). 0.2: TD3 paper, §6.1.</summary>
    public double PolicyNoise { get; init; } = 0.2;

    /// <summary>Clip c of the target smoothing noise. 0.5: TD3 paper, §6.1.</summary>
    public double NoiseClip { get; init; } = 0.5;

    /// <summary>Critic updates per actor (and target) update. 2: TD3 paper, §5.2.</summary>
    public int PolicyDelay { get; init; } = 2;

    /// <summary>Std of the Gaussian exploration noise. 0.1: TD3 paper, §6.1.</summary>
    public double ExplorationNoise { get; init; } = 0.1;

    /// <summary>Weight λ of a penalty λ·mean‖f(s)‖² on the actor's pre-tanh output f (a = tanh f), added to the
    /// actor loss. 0: the TD3 paper has none (and DAC's code neither). Opt-in against a saturated actor: once |f|
    /// is large, ∂a/∂f = 1 − tanh²f vanishes and the deterministic policy can no longer change the sign of its
    /// action even where the critic prefers the other sign (DAC on mountain car, decision 0010). The same loss
    /// term is rlkit's DDPG <c>policy_pre_activation_weight</c> (default 0 there too); rlkit's SAC regularises its
    /// pre-tanh mean with weight 1e-3 (<c>policy_mean_reg_weight</c>), the value suggested here.</summary>
    public double ActorPreactivationPenalty { get; init; }
}
