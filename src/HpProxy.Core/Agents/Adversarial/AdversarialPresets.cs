namespace HpProxy.Core.Agents.Adversarial;

/// <summary>
/// The named members of the family: one implementation, different defaults (composition, Acme style — DAC is
/// TD3 + the GAIL loss + a gradient penalty + absorbing states). Every default can still be overridden.
/// </summary>
public static class AdversarialPresets
{
    /// <summary>GAIL (Ho &amp; Ermon 2016) on an off-policy SAC backbone, reward softplus(ℓ).</summary>
    public static AdversarialConfig Gail { get; } = new();

    /// <summary>DAC (Kostrikov et al. 2019): TD3 backbone, GAIL reward, gradient penalty λ = 10, absorbing states.</summary>
    public static AdversarialConfig Dac { get; } = new() { RlAlgorithm = "td3", GradientPenalty = 10, AbsorbingStates = true };

    /// <summary>AIRL (Fu et al. 2018) in the reward form r = ℓ on (s, a) (without the shaping decomposition).</summary>
    public static AdversarialConfig Airl { get; } = new() { RewardTransform = "airl" };

    /// <summary>FAIRL (Ghasemipour et al. 2019): forward-KL reward −ℓ·e^ℓ.</summary>
    public static AdversarialConfig Fairl { get; } = new() { RewardTransform = "fairl" };
}
