namespace HpProxy.Core.Agents.Sqil;

/// <summary>Hyperparameters of SQIL (Reddy et al. 2020) beyond the backbone and the loop.</summary>
public sealed record SqilConfig
{
    /// <summary>"sac" or "td3". sac: Reddy et al. 2020 ran SQIL on SAC for continuous control (§5).</summary>
    public string RlAlgorithm { get; init; } = "sac";
}
