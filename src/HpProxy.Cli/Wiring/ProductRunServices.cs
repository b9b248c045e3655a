using System.Collections.Concurrent;
using HpProxy.Core.Agents;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Proxies;
using HpProxy.Core.Runs;
using HpProxy.Core.Studies;

namespace HpProxy.Cli.Wiring;

/// <summary>
/// The registries of this build composed for the run executor (<see cref="RunServices"/>) and for study
/// validation (<see cref="IStudyCatalog"/>): classic-control tasks, their scripted demonstrators and regimes,
/// <see cref="AlgorithmRegistry"/> and <see cref="ProxyRegistry"/>. MuJoCo tasks join here once their assembly
/// has a task provider.
/// </summary>
public static class ProductRunServices
{
    private static readonly ClassicControlTasks Classic = new();

    public static RunServices Create() => new(
        CreateTask,
        name => AlgorithmRegistry.Find(name) ?? throw new ArgumentException($"unknown algorithm '{name}'", nameof(name)),
        ProxyRegistry.Create,
        new GeneratedDemonstrationSource());

    public static IReadOnlyList<TaskInfo> Tasks => Classic.Tasks;

    public static IEnvironment CreateTask(string name) => Classic.Create(name);

    public static IStudyCatalog Catalog() => new ProductStudyCatalog();

    /// <summary>Generates a demonstration set on first use and keeps it for the process (every run of a worker
    /// on the same set reuses it; generation is deterministic, so every worker has the same episodes).</summary>
    private sealed class GeneratedDemonstrationSource : IDemonstrationSource
    {
        private readonly ConcurrentDictionary<string, Lazy<DemonstrationData>> _cache = new(StringComparer.Ordinal);

        public DemonstrationData Get(string task, DemoSpec spec)
        {
            // DemoSpec holds a HyperparameterSet (reference equality), so the key is spelt out.
            string key = string.Join('|', task, spec.Name, spec.Demonstrator, spec.Regime, spec.Parameters.ToCanonicalString(),
                spec.TrainEpisodes, spec.ValidationEpisodes, spec.Seed);
            return _cache.GetOrAdd(key, _ => new Lazy<DemonstrationData>(() => Generate(task, spec))).Value;
        }

        private static DemonstrationData Generate(string task, DemoSpec spec)
        {
            var demonstrator = Demonstrators.Create(task, spec.Demonstrator, spec.Regime, spec.Parameters);
            var sets = DemoGenerator.GenerateSets(CreateTask(task), demonstrator, spec.TrainEpisodes, spec.ValidationEpisodes, spec.Seed, spec.Name);
            return new DemonstrationData(sets.Train, sets.Validation, sets.DemonstratorReturn);
        }
    }

    private sealed class ProductStudyCatalog : IStudyCatalog
    {
        public bool HasTask(string task) => ClassicControlTasks.Contains(task);

        public IReadOnlyList<string> TaskNames { get; } = [.. Classic.Tasks.Select(t => t.Name)];

        public IReadOnlyList<string> DemonstratorsFor(string task) => Demonstrators.NamesFor(task);

        public IReadOnlyList<string> ValidateRegime(string regime, Core.Spaces.HyperparameterSet parameters) =>
            Demonstrators.ValidateRegime(regime, parameters);

        public IReadOnlyList<string> AlgorithmNames { get; } = [.. AlgorithmRegistry.All.Select(a => a.Name)];

        public IReadOnlyList<string> HyperparameterNames(string algorithm) =>
            AlgorithmRegistry.Find(algorithm)?.Hyperparameters.Select(h => h.Name).ToList() ?? [];

        public IReadOnlyList<string> ValidateHyperparameters(string algorithm, Core.Spaces.HyperparameterSet hyperparameters) =>
            AlgorithmRegistry.Find(algorithm)?.Validate(hyperparameters) ?? [$"unknown algorithm '{algorithm}'"];

        public IReadOnlyList<string> ProxyNames => ProxyRegistry.Names;

        public IReadOnlyList<string> ValidateProxySettings(string proxy, Core.Spaces.HyperparameterSet settings) =>
            ProxyRegistry.ValidateSettings(proxy, settings);
    }
}
