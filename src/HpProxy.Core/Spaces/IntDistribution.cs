using System.Globalization;
using HpProxy.Core.Common;

namespace HpProxy.Core.Spaces;

/// <summary>
/// An integer in [<paramref name="Low"/>, <paramref name="High"/>], both inclusive, e.g. <c>{int: [1, 3]}</c>.
/// With <paramref name="Log"/> (<c>{int: [16, 512], log: true}</c>) the integer is floor(x) for x log-uniform on
/// [low, high + 1), so small values are as likely per decade as large ones (the usual prior for batch sizes
/// and widths); low must then be ≥ 1.
/// </summary>
public sealed record IntDistribution : HpDistribution
{
    /// <summary>Largest magnitude accepted; keeps values exact as doubles and the range within <see cref="int"/>.</summary>
    public const long MaxMagnitude = 1_000_000_000;

    public IntDistribution(long low, long high, bool log = false)
    {
        if (low > high) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"int needs low <= high, got [{low}, {high}]"));
        if (Math.Abs(low) > MaxMagnitude || Math.Abs(high) > MaxMagnitude)
            throw new ArgumentException($"int bounds must lie within ±{MaxMagnitude}");
        if (log && low < 1) throw new ArgumentException("a log int distribution needs low >= 1");
        Low = low;
        High = high;
        Log = log;
    }

    public long Low { get; }
    public long High { get; }
    public bool Log { get; }

    public override HpValue Sample(Rng rng)
    {
        if (!Log) return HpValue.Of(Low + rng.NextInt(checked((int)(High - Low + 1))));
        double x = Math.Exp(rng.Uniform(Math.Log(Low), Math.Log(High + 1)));
        return HpValue.Of(Math.Clamp((long)Math.Floor(x), Low, High));
    }

    public override IReadOnlyList<HpValue> BoundaryValues => Low == High ? [HpValue.Of(Low)] : [HpValue.Of(Low), HpValue.Of(High)];

    public override bool IsRandom => High > Low;

    public override long? Cardinality => High - Low + 1;

    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{{int: [{Low}, {High}]{(Log ? ", log: true" : "")}}}");
}
