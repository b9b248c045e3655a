using System.Reflection;
using HpProxy.Core.Agents;
using HpProxy.Core.Proxies;
using HpProxy.Core.Runs;
using HpProxy.Core.Studies;
using HpProxy.Scheduling;
using HpProxy.Scheduling.Catalog;
using HpProxy.Scheduling.Jobs;

namespace HpProxy.Cli.Wiring;

/// <summary>
/// The composition root of the command line: the real pieces behind the commands (the registries meet in
/// <see cref="ProductCatalog"/>). A piece that is not part of the build reports itself missing (a runtime
/// failure, exit code 1) instead of pretending to work.
/// </summary>
public static class ProductServices
{
    public static string Version { get; } =
        typeof(ProductServices).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ProductServices).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public static CliServices Create() => new(
        StudyStoreOpener.Instance,
        // HPPROXY_SYNTHETIC_WORK replaces training with timed no-ops (machinery tests and deployment trials).
        () => SyntheticRunWork.FromEnvironment() ?? (IRunWork)new ExecutorRunWork(RunServices(), ProductCatalog.Default.Files),
        new CoreStudyFrontEnd(StudyCatalog, RunServices, DemonstrationFiles),
        Reports(),
        new CatalogListing());

    /// <summary>What studies may name: tasks, demonstrators, regimes, algorithms, proxies.</summary>
    public static IStudyCatalog StudyCatalog() => ProductCatalog.Default;

    /// <summary>What a run needs: tasks, algorithms, proxies, demonstrations.</summary>
    public static RunServices RunServices() => ProductCatalog.Default.Services;

    /// <summary>Reads and checks study files' demonstration files, and remembers where they are for this process.</summary>
    public static StudyDemonstrationFiles DemonstrationFiles() =>
        new(ProductCatalog.Default.FileInspector, ProductCatalog.Default.Files);

    public static IReportWriter Reports() => new ProductReportWriter(Version);

    public static NotAvailableException Missing(string what) => new($"{what} is not available in this build yet");

    private sealed class CatalogListing : ICatalog
    {
        public IReadOnlyList<CatalogEntry> Tasks() =>
            [.. ProductCatalog.Default.Tasks.Select(t => new CatalogEntry(t.Name, Commands.TasksCommand.Describe(t)))];

        public IReadOnlyList<CatalogEntry> Algorithms() =>
            [.. AlgorithmRegistry.All.Select(a => new CatalogEntry(a.Name,
                $"{(a.IsOnline ? "online (budget in environment steps)" : "offline (budget in gradient steps)")}; hyperparameters: {string.Join(", ", a.Hyperparameters.Select(h => h.Name))}"))];

        public IReadOnlyList<CatalogEntry> Proxies() =>
            [.. ProxyRegistry.All.Select(p => new CatalogEntry(p.Name, $"{p.Description} ({Direction(p.Direction)})"))];

        private static string Direction(ProxyDirection d) => d == ProxyDirection.LowerIsBetter ? "lower is better" : "higher is better";
    }
}

/// <summary>A piece of the product is not part of this build (exit code 1).</summary>
public sealed class NotAvailableException(string message) : Exception(message);
