using System.Collections.Concurrent;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Runs;

/// <summary>
/// Generates a demonstration set by rolling its demonstrator (wrapped in its regime) in the task, then splits it
/// by episode. Deterministic in (task, spec), so every worker process regenerates the same set instead of
/// shipping it around; cached per process because many runs share one set.
/// </summary>
public sealed class GeneratedDemonstrationSource(
    Func<string, IEnvironment> createTask,
    Func<string, string, string, HyperparameterSet, IDemonstrator> createDemonstrator) : IDemonstrationSource
{
    private readonly ConcurrentDictionary<string, Lazy<DemonstrationData>> _cache = new(StringComparer.Ordinal);

    public DemonstrationData Get(string task, DemoSpec spec)
    {
        string key = string.Join("\n", task, spec.Name, spec.Demonstrator, spec.Regime, spec.Parameters.ToCanonicalString(),
            spec.TrainEpisodes, spec.ValidationEpisodes, spec.Seed);
        return _cache.GetOrAdd(key, _ => new Lazy<DemonstrationData>(() => Generate(task, spec))).Value;
    }

    /// <summary>The recorded episodes (with rewards) of a demonstration set: for `demos generate` and reference returns.</summary>
    public IReadOnlyList<RecordedEpisode> Record(string task, DemoSpec spec)
    {
        var env = createTask(task);
        var demonstrator = createDemonstrator(task, spec.Demonstrator, spec.Regime, spec.Parameters);
        return DemoGenerator.Generate(env, demonstrator, spec.TrainEpisodes + spec.ValidationEpisodes, spec.Seed);
    }

    private DemonstrationData Generate(string task, DemoSpec spec)
    {
        var episodes = Record(task, spec);
        var (train, validation) = DemoSplit.Split(episodes, spec.TrainEpisodes, spec.Name);
        return new DemonstrationData(train, validation, ReferenceReturnsMeter.ExpertReturn(episodes));
    }
}
