using System.Collections.Concurrent;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Runs;

/// <summary>
/// Generates a demonstration set by rolling its demonstrator (wrapped in its regime) in the task, then splits it
/// by episode. Deterministic in (task, spec), so every worker process regenerates the same set instead of
/// shipping it around; cached per process because many runs share one set. A set planned with a trained
/// demonstrator's version (<see cref="DemoSpec.DemonstratorVersion"/>) is generated only by that version:
/// another expert under the same name would give other demonstrations under the same run id.
/// </summary>
public sealed class GeneratedDemonstrationSource(
    Func<string, IEnvironment> createTask,
    Func<string, string, string, HyperparameterSet, IDemonstrator> createDemonstrator,
    Func<string, string, string?>? demonstratorVersion = null) : IDemonstrationSource
{
    private readonly ConcurrentDictionary<string, Lazy<DemonstrationData>> _cache = new(StringComparer.Ordinal);

    public DemonstrationData Get(string task, DemoSpec spec)
    {
        // The version is part of the key so a spec planned with another version never reads a set cached for this one.
        string key = string.Join("\n", task, spec.Name, spec.Demonstrator, spec.DemonstratorVersion ?? "", spec.Regime,
            spec.Parameters.ToCanonicalString(), spec.TrainEpisodes, spec.ValidationEpisodes, spec.Seed);
        return _cache.GetOrAdd(key, _ => new Lazy<DemonstrationData>(() => Generate(task, spec))).Value;
    }

    /// <summary>The recorded episodes (with rewards) of a demonstration set: for `demos generate` and reference returns.</summary>
    public IReadOnlyList<RecordedEpisode> Record(string task, DemoSpec spec)
    {
        // Checked where versions are known (the product's catalog passes them; a source without them cannot tell).
        if (demonstratorVersion is not null && spec.DemonstratorVersion is { } expected && demonstratorVersion(task, spec.Demonstrator) is var actual && actual != expected)
        {
            throw new InvalidOperationException(
                $"demonstrator '{spec.Demonstrator}' of task '{task}' is {(actual is null ? "not a versioned artifact here" : $"version {actual}")}, " +
                $"but this run was planned with version {expected}: restore that expert (experts/{task}.expert of the study's commit) " +
                "or plan the study again, which gives its runs new ids");
        }
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
