using System.Globalization;
using HpProxy.Core.Common;

namespace HpProxy.Core.Spaces;

/// <summary>Uniform over [<paramref name="Low"/>, <paramref name="High"/>), e.g. <c>{uniform: [0.0, 0.5]}</c>.</summary>
public sealed record UniformDistribution : HpDistribution
{
    public UniformDistribution(double low, double high)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || !(low < high))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"uniform needs finite low < high, got [{low}, {high}]"));
        Low = low;
        High = high;
    }

    public double Low { get; }
    public double High { get; }

    public override HpValue Sample(Rng rng) => HpValue.Of(rng.Uniform(Low, High));

    public override IReadOnlyList<HpValue> BoundaryValues => [HpValue.Of(Low), HpValue.Of(High)];

    public override bool IsRandom => true;

    public override long? Cardinality => null;

    public override string Describe() => $"{{uniform: [{HpValue.Of(Low)}, {HpValue.Of(High)}]}}";
}
