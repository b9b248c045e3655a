namespace HpProxy.Core.Agents.Sac;

/// <summary>Hyperparameters of the SAC backbone (Haarnoja et al. 2018, "Soft Actor-Critic Algorithms and
/// Applications", arXiv 1812.05905).</summary>
public sealed record SacConfig
{
    /// <summary>Adam step size of actor and critics. 3e-4: SAC paper, Table 1.</summary>
    public double LearningRate { get; init; } = 3e-4;

    /// <summary>Hidden layers of actor and critics. 2: SAC paper, Table 1.</summary>
    public int HiddenLayers { get; init; } = 2;

    /// <summary>Units per hidden layer. 256: SAC paper, Table 1.</summary>
    public int HiddenUnits { get; init; } = 256;

    /// <summary>γ. 0.99: SAC paper, Table 1.</summary>
    public double Discount { get; init; } = 0.99;

    /// <summary>Polyak averaging coefficient τ of the target critics. 0.005: SAC paper, Table 1.</summary>
    public double Tau { get; init; } = 0.005;

    /// <summary>Initial temperature α. 1: the authors' softlearning code initialises log α = 0.</summary>
    public double InitialTemperature { get; init; } = 1.0;

    /// <summary>Adam step size of log α. 3e-4: SAC paper, Table 1 (one learning rate for everything).</summary>
    public double TemperatureLearningRate { get; init; } = 3e-4;

    /// <summary>Target entropy as a multiple of −|A|. 1 (i.e. −|A|): SAC paper, §5 and Table 1. Some libraries
    /// default to 0, which is a silent bug (DESIGN.md, correctness notes).</summary>
    public double TargetEntropyScale { get; init; } = 1.0;
}
