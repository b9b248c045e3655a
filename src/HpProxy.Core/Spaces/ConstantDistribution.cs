using HpProxy.Core.Common;

namespace HpProxy.Core.Spaces;

/// <summary>A fixed value (a plain scalar in a study file's space, e.g. <c>batch_size: 256</c>).</summary>
public sealed record ConstantDistribution(HpValue Value) : HpDistribution
{
    /// <summary>Draws nothing from <paramref name="rng"/>: a constant consumes no randomness.</summary>
    public override HpValue Sample(Rng rng) => Value;

    public override IReadOnlyList<HpValue> BoundaryValues => [Value];

    public override bool IsRandom => false;

    public override long? Cardinality => 1;

    public override string Describe() => Value.ToString();
}
