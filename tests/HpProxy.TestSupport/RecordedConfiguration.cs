using HpProxy.Core.Agents;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.TestSupport;

/// <summary>What a worker records as a run's configuration (<c>runs.resolved_hyperparameters</c>), for tests of
/// <see cref="DefaultsDrift"/> and its users.</summary>
public static class RecordedConfiguration
{
    /// <summary>This code's resolution of <paramref name="given"/> for <paramref name="algorithm"/>, with some values
    /// replaced: what a worker whose defaults were those values would have recorded.</summary>
    public static string Of(string algorithm, HyperparameterSet given, params (string Name, double Value)[] otherDefaults)
    {
        var values = AlgorithmRegistry.Find(algorithm)!.Resolve(given).ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var (name, value) in otherDefaults) values[name] = HpValue.Of(value);
        return RunSpecJson.SerializeHyperparameters(new HyperparameterSet(values));
    }
}
