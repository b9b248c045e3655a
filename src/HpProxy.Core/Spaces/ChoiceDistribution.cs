using HpProxy.Core.Common;

namespace HpProxy.Core.Spaces;

/// <summary>A uniform choice among listed values (numbers or strings), e.g. <c>{choice: [64, 128, 256]}</c>.</summary>
public sealed record ChoiceDistribution : HpDistribution
{
    public ChoiceDistribution(IReadOnlyList<HpValue> values)
    {
        if (values.Count == 0) throw new ArgumentException("a choice needs at least one value", nameof(values));
        Values = [.. values];
    }

    public IReadOnlyList<HpValue> Values { get; }

    public override HpValue Sample(Rng rng) => Values[rng.NextInt(Values.Count)];

    public override IReadOnlyList<HpValue> BoundaryValues => Values;

    public override bool IsRandom => Values.Distinct().Count() > 1;

    public override long? Cardinality => Values.Distinct().Count();

    public override string Describe() => "{choice: [" + string.Join(", ", Values) + "]}";

    // Records compare lists by reference; a space is compared by content (tests, plan diffing).
    public bool Equals(ChoiceDistribution? other) => other is not null && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => Values.Aggregate(17, (h, v) => h * 31 + v.GetHashCode());
}
