namespace HpProxy.Core.Agents.Online;

/// <summary>
/// Hyperparameters of the interaction loop shared by every online imitation algorithm.
/// </summary>
public sealed record OnlineConfig
{
    /// <summary>Transitions kept (capped at the run's budget + demonstrations). 1e6: SAC paper (Haarnoja et al. 2018, Table 1).</summary>
    public int ReplayCapacity { get; init; } = 1_000_000;

    /// <summary>Rows per RL update. 256: SAC paper (Table 1).</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Initial environment steps with uniform random actions and no updates. 1000: our choice for
    /// short classic-control budgets (the SAC and TD3 papers use 1e4 on MuJoCo).</summary>
    public int WarmupSteps { get; init; } = 1000;

    /// <summary>Gradient updates per environment step. 1: SAC paper (Table 1, "gradient steps").</summary>
    public int UpdatesPerStep { get; init; } = 1;

    /// <summary>Fraction of each RL batch drawn from the demonstrations instead of the agent's replay.
    /// 0: GAIL/DAC default (Orsini et al. 2021 study it as an option).</summary>
    public double ExpertMix { get; init; }

    /// <summary>Standardise network inputs with the demonstrations' frozen statistics. true: Orsini et al. 2021
    /// found input normalisation important.</summary>
    public bool NormalizeObservations { get; init; } = true;
}
