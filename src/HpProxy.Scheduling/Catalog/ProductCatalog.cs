using HpProxy.Core.Agents;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Proxies;
using HpProxy.Core.Runs;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Scheduling.Catalog;

/// <summary>
/// Everything this build can run: the task families (classic control, MuJoCo), demonstrators and regimes,
/// algorithms and proxies. It answers the study validator's questions (<see cref="IStudyCatalog"/>) and builds
/// the <see cref="RunServices"/> a worker executes runs with. The one place where the registries meet.
/// </summary>
public sealed class ProductCatalog : IStudyCatalog
{
    private readonly ITaskProvider[] _providers;

    public ProductCatalog(params ITaskProvider[] providers)
    {
        _providers = providers.Length > 0 ? providers : [new ClassicControlTasks()];
        Tasks = _providers.SelectMany(p => p.Tasks).ToArray();
        TaskNames = Tasks.Select(t => t.Name).ToArray();
        Demonstrations = new GeneratedDemonstrationSource(CreateTask, Demonstrators.Create);
        Services = new RunServices(CreateTask, FindAlgorithm, ProxyRegistry.Create, Demonstrations);
    }

    /// <summary>The product's catalog: classic control plus MuJoCo (whose tasks load libmujoco lazily).</summary>
    public static ProductCatalog Default { get; } = new(new ClassicControlTasks());

    public IReadOnlyList<TaskInfo> Tasks { get; }

    public IReadOnlyList<string> TaskNames { get; }

    public GeneratedDemonstrationSource Demonstrations { get; }

    public RunServices Services { get; }

    public IEnvironment CreateTask(string task)
    {
        foreach (var provider in _providers)
        {
            if (provider.Tasks.Any(t => t.Name == task)) return provider.Create(task);
        }
        throw new ArgumentException($"unknown task '{task}'; known: {string.Join(", ", TaskNames)}", nameof(task));
    }

    public static IAlgorithm FindAlgorithm(string name) =>
        AlgorithmRegistry.Find(name) ?? throw new ArgumentException(
            $"unknown algorithm '{name}'; known: {string.Join(", ", AlgorithmRegistry.All.Select(a => a.Name))}", nameof(name));

    public bool HasTask(string task) => TaskNames.Contains(task);

    public IReadOnlyList<string> DemonstratorsFor(string task) => Demonstrators.NamesFor(task);

    public IReadOnlyList<string> ValidateRegime(string regime, HyperparameterSet parameters) =>
        Demonstrators.ValidateRegime(regime, parameters);

    public IReadOnlyList<string> AlgorithmNames => AlgorithmRegistry.All.Select(a => a.Name).ToArray();

    public IReadOnlyList<string> HyperparameterNames(string algorithm) =>
        AlgorithmRegistry.Find(algorithm)?.Hyperparameters.Select(h => h.Name).ToArray() ?? [];

    public IReadOnlyList<string> ValidateHyperparameters(string algorithm, HyperparameterSet hyperparameters) =>
        AlgorithmRegistry.Find(algorithm)?.Validate(hyperparameters) ?? [$"unknown algorithm '{algorithm}'"];

    public IReadOnlyList<string> ProxyNames => ProxyRegistry.Names;

    public IReadOnlyList<string> ValidateProxySettings(string proxy, HyperparameterSet settings) =>
        ProxyRegistry.ValidateSettings(proxy, settings);
}
