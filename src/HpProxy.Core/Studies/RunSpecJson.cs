namespace HpProxy.Core.Studies;

/// <summary>Canonical JSON of a <see cref="RunSpec"/> and the run id derived from it.
/// Placeholder signatures; the Studies work fills them in.</summary>
public static class RunSpecJson
{
    /// <summary>Canonical JSON (sorted keys, invariant numbers, no whitespace).</summary>
    public static string Serialize(RunSpec spec) => throw new NotImplementedException();

    public static RunSpec Deserialize(string json) => throw new NotImplementedException();

    /// <summary>First 16 hex digits of SHA-256 of the canonical JSON.</summary>
    public static string RunId(RunSpec spec) => throw new NotImplementedException();
}
