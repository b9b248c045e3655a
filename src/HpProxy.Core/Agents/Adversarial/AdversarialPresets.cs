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

    /// <summary>FAIRL (Ghasemipour et al. 2019): adversarial imitation by the forward KL, with the f-MAX form of its
    /// reward, e^ℓ ("fkl"), not the published −ℓ·e^ℓ ("fairl", still available): the published reward falls for
    /// more expert-like transitions wherever ℓ &gt; −1 and scored ≈ 0 on all three classic tasks, e^ℓ reaches the
    /// demonstrator (docs/decisions/0008-fairl-and-pwil-absorbing.md). Gradient penalty 10: e^ℓ is the density
    /// ratio itself and an unregularised, confident discriminator makes it 10⁶ on single transitions; the penalty
    /// (weight 10 in the FAIRL authors' code, as in DAC) bounds ℓ and lifted cart-pole swing-up from 0.09 to 0.86
    /// without costing pendulum or mountain car (docs/decisions/0010-fairl-penalty-and-td3-saturation.md).</summary>
    public static AdversarialConfig Fairl { get; } = new() { RewardTransform = "fkl", GradientPenalty = 10 };
}
