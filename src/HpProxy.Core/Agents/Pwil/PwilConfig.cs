namespace HpProxy.Core.Agents.Pwil;

/// <summary>Hyperparameters of PWIL (Dadashi et al. 2021).</summary>
public sealed record PwilConfig
{
    /// <summary>"sac" or "td3". sac: an off-policy actor-critic; the paper used D4PG, which we do not have.</summary>
    public string RlAlgorithm { get; init; } = "sac";

    /// <summary>Atoms: standardised "sa" = (s, a) or "s" only. sa: the paper's main setting (§4).</summary>
    public string PwilInput { get; init; } = "sa";

    /// <summary>Reward scale α. 5: Dadashi et al. 2021, §4.</summary>
    public double Alpha { get; init; } = 5;

    /// <summary>Kernel width β (σ = β·T/√D). 5: Dadashi et al. 2021, §4.</summary>
    public double Beta { get; init; } = 5;

    /// <summary>Prefill the replay with expert transitions at reward α. true: Dadashi et al. 2021, §4.</summary>
    public bool ExpertPrefill { get; init; } = true;

    /// <summary>Absorbing states (Kostrikov et al. 2019) where the task can end early, with the demonstrations'
    /// absorbing steps counted in the coupling (<see cref="PwilReward"/>). false: the paper's terminal masks, which
    /// give PWIL's positive reward a survival bias (mountain car −0.17 in the algorithms check) — kept as the
    /// default so runs already recorded with PWIL (the classic-control study) keep their numbers; true fixes
    /// mountain car (decision 0008).</summary>
    public bool AbsorbingStates { get; init; }
}
