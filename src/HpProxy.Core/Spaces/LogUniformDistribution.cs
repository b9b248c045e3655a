using System.Globalization;
using HpProxy.Core.Common;

namespace HpProxy.Core.Spaces;

/// <summary>
/// Log-uniform over [<paramref name="Low"/>, <paramref name="High"/>): log x is uniform, so every decade gets the same
/// share of samples (Bergstra &amp; Bengio 2012, the usual prior for learning rates and penalty coefficients).
/// </summary>
public sealed record LogUniformDistribution : HpDistribution
{
    public LogUniformDistribution(double low, double high)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || !(low > 0) || !(low < high))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"log_uniform needs 0 < low < high, got [{low}, {high}]"));
        Low = low;
        High = high;
    }

    public double Low { get; }
    public double High { get; }

    public override HpValue Sample(Rng rng)
    {
        double x = Math.Exp(rng.Uniform(Math.Log(Low), Math.Log(High)));
        // exp(log(high)) can round to a hair above high; keep the half-open interval promise.
        return HpValue.Of(Math.Clamp(x, Low, Math.BitDecrement(High)));
    }

    public override IReadOnlyList<HpValue> BoundaryValues => [HpValue.Of(Low), HpValue.Of(High)];

    public override bool IsRandom => true;

    public override long? Cardinality => null;

    public override string Describe() => $"{{log_uniform: [{HpValue.Of(Low)}, {HpValue.Of(High)}]}}";
}
