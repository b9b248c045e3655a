namespace HpProxy.Core.Common;

/// <summary>
/// Splits one root seed into named, independent streams ("env", "networks", "replay", "exploration",
/// "evaluation", ...). A stream's seed depends only on the root seed and the stream name, so adding a new
/// stream never changes the numbers of the others.
/// </summary>
public sealed class SeedStreams
{
    public SeedStreams(ulong rootSeed) => RootSeed = rootSeed;

    public ulong RootSeed { get; }

    public ulong SeedFor(string stream)
    {
        ulong x = RootSeed ^ StableHash.Fnv1a64(stream);
        return Rng.SplitMix64(ref x);
    }

    public Rng Create(string stream) => new(SeedFor(stream));

    /// <summary>A child seed space, e.g. one per evaluation episode or per sub-component.</summary>
    public SeedStreams Child(string stream) => new(SeedFor(stream));
}
