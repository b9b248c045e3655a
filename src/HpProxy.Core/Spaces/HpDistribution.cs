using HpProxy.Core.Common;

namespace HpProxy.Core.Spaces;

/// <summary>
/// A one-dimensional hyperparameter distribution of a search space. Sampling draws from the given
/// <see cref="Rng"/> only, so a configuration is a pure function of its seed.
/// </summary>
public abstract record HpDistribution
{
    /// <summary>Draws one value.</summary>
    public abstract HpValue Sample(Rng rng);

    /// <summary>The extreme values the distribution can produce (bounds, every choice, the constant). A study
    /// is validated by asking the algorithm whether each of them is acceptable, so a bad bound is reported
    /// before any run starts instead of in the one run that happens to sample it.</summary>
    public abstract IReadOnlyList<HpValue> BoundaryValues { get; }

    /// <summary>True when sampling can return different values (everything but a constant or a one-element choice).</summary>
    public abstract bool IsRandom { get; }

    /// <summary>Number of distinct values for a discrete distribution; null for a continuous one.</summary>
    public abstract long? Cardinality { get; }

    /// <summary>The study-file form, e.g. <c>{log_uniform: [0.0001, 0.01]}</c>.</summary>
    public abstract string Describe();
}
