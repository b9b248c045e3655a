namespace HpProxy.Core.Envs.Data;

/// <summary>
/// One RLDS step of a <see cref="RecordedEpisode"/> (Ramos et al. 2021): observation o_t, the action a_t taken
/// there, the reward r_t it earned, the discount and the three flags. On the last step (is_last) the action and
/// reward are unused (zero). Carries the true reward: storage, export and analysis only.
/// </summary>
public readonly record struct RecordedStep(
    ReadOnlyMemory<float> Observation,
    ReadOnlyMemory<float> Action,
    OracleReward Reward,
    float Discount,
    bool IsFirst,
    bool IsLast,
    bool IsTerminal);
