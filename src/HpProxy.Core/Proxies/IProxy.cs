namespace HpProxy.Core.Proxies;

/// <summary>
/// A reward-free score of a checkpoint (SPEC.md §5). Each proxy declares what it reads and which direction is
/// better; it never sees the true reward (its inputs carry none, by type).
/// </summary>
public interface IProxy
{
    /// <summary>Column name in results and reports, e.g. "action_mse", "state_wasserstein".</summary>
    string Name { get; }

    ProxyDirection Direction { get; }

    ProxyReads Reads { get; }

    string Description { get; }

    /// <summary>Computes the score; returns NaN when the proxy does not apply (e.g. no discriminator).</summary>
    double Compute(ProxyInputs inputs);
}

public enum ProxyDirection
{
    LowerIsBetter,
    HigherIsBetter,
}

/// <summary>The data a proxy reads, declared so a report can say what each proxy needs.</summary>
[Flags]
public enum ProxyReads
{
    None = 0,
    ValidationDemonstrations = 1,
    TrainDemonstrations = 2,
    AgentRollouts = 4,
    TrainingState = 8,
    Policy = 16,
}
