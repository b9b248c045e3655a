using HpProxy.Core.Agents;
using HpProxy.Core.Envs;
using HpProxy.Core.Proxies;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Runs;

/// <summary>
/// The registries a run needs, injected so that Core does not know which task families exist
/// (classic control lives here, MuJoCo in its own assembly; the scheduler composes them).
/// </summary>
/// <param name="CreateTask">A fresh task instance by name (one per use; tasks are not thread-safe).</param>
/// <param name="FindAlgorithm">The algorithm by name.</param>
/// <param name="CreateProxy">A proxy from its study settings.</param>
/// <param name="Demonstrations">Generates (and caches) demonstration sets.</param>
public sealed record RunServices(
    Func<string, IEnvironment> CreateTask,
    Func<string, IAlgorithm> FindAlgorithm,
    Func<ProxySpec, IProxy> CreateProxy,
    IDemonstrationSource Demonstrations);

/// <summary>Produces the demonstration set of a (task, demo spec), deterministically.</summary>
public interface IDemonstrationSource
{
    DemonstrationData Get(string task, DemoSpec spec);
}
