using HpProxy.Core.Agents;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Proxies;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Tests.Studies;

/// <summary>
/// The catalog of what Core registers (classic-control tasks, scripted demonstrators and regimes, every algorithm,
/// every proxy), as an <see cref="IStudyCatalog"/>. Here so the shipped study files are checked against the real
/// names; the CLI's catalog (which adds MuJoCo tasks) is built the same way.
/// </summary>
internal sealed class RegistryStudyCatalog : IStudyCatalog
{
    private readonly IReadOnlyList<string> _tasks = [.. new ClassicControlTasks().Tasks.Select(t => t.Name)];

    public bool HasTask(string task) => _tasks.Contains(task);

    public IReadOnlyList<string> TaskNames => _tasks;

    public IReadOnlyList<string> DemonstratorsFor(string task) => Demonstrators.NamesFor(task);

    public IReadOnlyList<string> ValidateRegime(string regime, HyperparameterSet parameters) => Demonstrators.ValidateRegime(regime, parameters);

    public IReadOnlyList<string> AlgorithmNames { get; } = [.. AlgorithmRegistry.All.Select(a => a.Name)];

    public IReadOnlyList<string> HyperparameterNames(string algorithm) =>
        [.. AlgorithmRegistry.Find(algorithm)!.Hyperparameters.Select(h => h.Name)];

    public IReadOnlyList<string> ValidateHyperparameters(string algorithm, HyperparameterSet hyperparameters) =>
        AlgorithmRegistry.Find(algorithm)!.Validate(hyperparameters);

    public IReadOnlyList<string> ProxyNames => ProxyRegistry.Names;

    public IReadOnlyList<string> ValidateProxySettings(string proxy, HyperparameterSet settings) => ProxyRegistry.ValidateSettings(proxy, settings);
}
