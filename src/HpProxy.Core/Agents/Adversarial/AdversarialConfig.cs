namespace HpProxy.Core.Agents.Adversarial;

/// <summary>
/// Hyperparameters of the adversarial imitation family (GAIL, DAC, AIRL, FAIRL): the discriminator, the reward
/// transform and the backbone choice. The presets (<see cref="AdversarialPresets"/>) differ only in these
/// defaults; the RL backbone and the loop have their own configs.
/// </summary>
public sealed record AdversarialConfig
{
    /// <summary>"sac" or "td3". sac: GAIL as studied by Orsini et al. 2021 with off-policy learners.</summary>
    public string RlAlgorithm { get; init; } = "sac";

    /// <summary>What D sees: "s", "sa" or "sas" (s, a, s'). sa: Ho &amp; Ermon 2016.</summary>
    public string DiscriminatorInput { get; init; } = "sa";

    /// <summary>Hidden layers of D. 2: Orsini et al. 2021 (and Kostrikov et al. 2019).</summary>
    public int DiscriminatorHiddenLayers { get; init; } = 2;

    /// <summary>Units per hidden layer of D. 64: smaller than the policy, as in Orsini et al. 2021's sweep.</summary>
    public int DiscriminatorHiddenUnits { get; init; } = 64;

    /// <summary>Adam step size of D. 3e-4: our choice, one value for all networks as in SAC.</summary>
    public double DiscriminatorLearningRate { get; init; } = 3e-4;

    /// <summary>Rows per discriminator step, half expert and half agent. 256: as the RL batch.</summary>
    public int DiscriminatorBatchSize { get; init; } = 256;

    /// <summary>RL updates per discriminator update. 1: one D step per policy step (Kostrikov et al. 2019).</summary>
    public int DiscriminatorInterval { get; init; } = 1;

    /// <summary>Coefficient λ of the gradient penalty λ·(‖∇D(x̂)‖ − 1)² on per-sample interpolations
    /// (Gulrajani et al. 2017). 0: plain GAIL; DAC uses 10 (Kostrikov et al. 2019, §5); the FAIRL preset too (decision 0010).</summary>
    public double GradientPenalty { get; init; }

    /// <summary>Spectral normalisation of D's layers (Miyato et al. 2018). false: off unless swept (Orsini et al. 2021).</summary>
    public bool SpectralNorm { get; init; }

    /// <summary>Dropout on D's input. 0: off unless swept (Orsini et al. 2021).</summary>
    public double DiscriminatorInputDropout { get; init; }

    /// <summary>Dropout on D's hidden layers. 0: off unless swept (Orsini et al. 2021).</summary>
    public double DiscriminatorHiddenDropout { get; init; }

    /// <summary>Decoupled weight decay of D. 0: off unless swept (Orsini et al. 2021).</summary>
    public double DiscriminatorWeightDecay { get; init; }

    /// <summary>Coefficient of the Bernoulli-entropy bonus subtracted from D's loss (Ho &amp; Ermon 2016 /
    /// the imitation library's ent_coef). 0: off.</summary>
    public double EntropyBonus { get; init; }

    /// <summary>Mixup (Zhang et al. 2018) of expert and agent inputs with λ ~ U(0, 1) = Beta(1, 1) and soft label λ.
    /// false: off unless swept (Orsini et al. 2021).</summary>
    public bool Mixup { get; init; }

    /// <summary>"gail" (softplus ℓ), "log_d" (−softplus(−ℓ)), "airl" (ℓ), "fairl" (−ℓe^ℓ, as published), "fkl" (e^ℓ,
    /// the forward KL's f-MAX reward). gail: Ho &amp; Ermon 2016.</summary>
    public string RewardTransform { get; init; } = "gail";

    /// <summary>Absorbing states when the task can terminate early (Kostrikov et al. 2019). true: the correctness
    /// notes require absorbing states or fixed horizons; tasks that never terminate early are unaffected.</summary>
    public bool AbsorbingStates { get; init; } = true;
}
