using HpProxy.Core.Envs;
using HpProxy.Core.Runs;
using HpProxy.Core.Studies;
using HpProxy.Scheduling.Catalog;

namespace HpProxy.Cli.Wiring;

/// <summary>
/// The registries of this build, as the commands need them: one <see cref="ProductCatalog"/> (tasks of every
/// available family, demonstrators and regimes, algorithms, proxies, generated demonstrations) serves both the
/// run executor (<see cref="RunServices"/>) and study validation (<see cref="IStudyCatalog"/>).
/// </summary>
public static class ProductRunServices
{
    public static RunServices Create() => ProductCatalog.Default.Services;

    public static IReadOnlyList<TaskInfo> Tasks => ProductCatalog.Default.Tasks;

    public static IEnvironment CreateTask(string name) => ProductCatalog.Default.CreateTask(name);

    public static IStudyCatalog Catalog() => ProductCatalog.Default;
}
