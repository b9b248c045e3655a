using HpProxy.Core.Agents;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Experts;
using HpProxy.Core.Proxies;
using HpProxy.Core.Runs;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;
using HpProxy.MuJoCo;
using HpProxy.Storage.Datasets;

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
        Demonstrations = new GeneratedDemonstrationSource(CreateTask, Demonstrators.Create, Demonstrators.VersionOf);
        Files = new DemonstrationFileStore();
        FileDemonstrations = new FileDemonstrationSource(Files);
        Services = new RunServices(CreateTask, FindAlgorithm, ProxyRegistry.Create,
            new RoutingDemonstrationSource(Demonstrations, FileDemonstrations));
    }

    /// <summary>The product's catalog: classic control plus MuJoCo when libmujoco loads (a machine without it still
    /// runs classic studies), with the saved experts of <see cref="ExpertsDirectory"/> registered as demonstrators.</summary>
    public static ProductCatalog Default { get; } = CreateDefault();

    /// <summary>Environment variable naming the folder of saved experts (default: <c>experts/</c> found from the
    /// current directory or the program's folder upwards).</summary>
    public const string ExpertsVariable = "HPPROXY_EXPERTS";

    private static ProductCatalog CreateDefault()
    {
        if (ExpertsDirectory() is { } experts) ExpertRegistry.RegisterDirectory(experts);
        return MuJoCoTasks.IsAvailable(out _)
            ? new ProductCatalog(new ClassicControlTasks(), new MuJoCoTasks())
            : new ProductCatalog(new ClassicControlTasks());
    }

    /// <summary>The experts folder: $HPPROXY_EXPERTS, else the first <c>experts/</c> folder in the current directory
    /// or the program's folder and their parents (the repository root when run from a build); null if none.</summary>
    public static string? ExpertsDirectory()
    {
        if (Environment.GetEnvironmentVariable(ExpertsVariable) is { Length: > 0 } configured) return configured;
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "experts");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    public IReadOnlyList<TaskInfo> Tasks { get; }

    public IReadOnlyList<string> TaskNames { get; }

    public GeneratedDemonstrationSource Demonstrations { get; }

    /// <summary>Where this process finds demonstration files by content hash (study files' <c>file:</c> sets).</summary>
    public DemonstrationFileStore Files { get; }

    /// <summary>The demonstration sets read from files (found through <see cref="Files"/>).</summary>
    public FileDemonstrationSource FileDemonstrations { get; }

    /// <summary>Checks the demonstration files a study names against this build's tasks.</summary>
    public IDemonstrationFiles FileInspector => new DemonstrationFileInspector(FindTaskInfo);

    public RunServices Services { get; }

    /// <summary>The task's sizes, horizon and family, or null for a task this build does not have.</summary>
    public TaskInfo? FindTaskInfo(string task) => Tasks.FirstOrDefault(t => t.Name == task);

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

    public string? DemonstratorVersion(string task, string demonstrator) => Demonstrators.VersionOf(task, demonstrator);

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
