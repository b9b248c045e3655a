using System.Globalization;
using HpProxy.Core.Common;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Spaces;

/// <summary>
/// Draws the configurations of an algorithm's search space.
/// <para>
/// Seeding: configuration i of algorithm a draws hyperparameter h from the stream
/// <c>SeedStreams(studySeed).Child("configurations").Child(a).Child(i).Create(h)</c>. Hence
/// (1) configuration i does not depend on the other algorithms of the study, nor on how many samples are asked
/// (growing <c>samples</c> only appends configurations), and (2) adding, removing or changing one hyperparameter
/// of a space leaves the values of the others unchanged.
/// </para>
/// <para>
/// Configurations are shared across tasks and demonstration sets: configuration i of "bc" is the same point on
/// every task. The original study sampled per (algorithm, task); sharing keeps the same statistics per task
/// (each task still sees i.i.d. draws) and makes hyperparameter transfer between tasks (SPEC §6) a lookup of
/// the same configuration id on another task.
/// </para>
/// </summary>
public static class ConfigurationSampler
{
    /// <summary>Draws configuration <paramref name="index"/> (0-based) of <paramref name="algorithm"/>.</summary>
    public static Configuration Sample(ulong studySeed, string algorithm, SearchSpace space, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var streams = new SeedStreams(studySeed)
            .Child("configurations")
            .Child(algorithm)
            .Child(index.ToString(CultureInfo.InvariantCulture));
        var values = space.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Sample(streams.Create(kv.Key))));
        var set = new HyperparameterSet(values);
        return new Configuration(algorithm, index, ConfigurationId(algorithm, set), set);
    }

    /// <summary>Draws configurations 0..<paramref name="count"/>-1. Duplicates (possible in discrete spaces) are kept;
    /// the planner runs each distinct configuration once.</summary>
    public static IReadOnlyList<Configuration> SampleFirst(ulong studySeed, string algorithm, SearchSpace space, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return [.. Enumerable.Range(0, count).Select(i => Sample(studySeed, algorithm, space, i))];
    }

    /// <summary>First 16 hex digits of SHA-256 of the algorithm name and the canonical JSON of the values. JSON rather
    /// than <see cref="HyperparameterSet.ToCanonicalString"/> so the number 64 and the string "64" differ.</summary>
    public static string ConfigurationId(string algorithm, HyperparameterSet hyperparameters) =>
        StableHash.Sha256Hex(algorithm + "\n" + RunSpecJson.SerializeHyperparameters(hyperparameters))[..16];
}
