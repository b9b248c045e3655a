namespace HpProxy.Core.Agents.Sqil;

/// <summary>Hyperparameters of SQIL (Reddy et al. 2020) beyond the backbone and the loop.</summary>
public sealed record SqilConfig
{
    /// <summary>"sac" or "td3". sac: Reddy et al. 2020 ran SQIL on SAC for continuous control (§5).</summary>
    public string RlAlgorithm { get; init; } = "sac";

    /// <summary>Absorbing states when the task can end early (Kostrikov et al. 2019, §4.2). true: SQIL's rewards
    /// are never negative, so with terminal masks an episode that ends early forfeits all later reward and the
    /// agent learns to avoid ending it — on mountain car it never drives to the goal (score −0.15 in the
    /// algorithms check, docs/benchmarks.md). With absorbing states the demonstrations' absorbing rows carry
    /// reward 1 like every expert row, so reaching the state the expert ended in is worth as much as following it.</summary>
    public bool AbsorbingStates { get; init; } = true;
}
