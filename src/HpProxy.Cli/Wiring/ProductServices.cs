using System.Reflection;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Proxies;
using HpProxy.Core.Runs;
using HpProxy.Core.Studies;
using HpProxy.Scheduling;
using HpProxy.Scheduling.Jobs;

namespace HpProxy.Cli.Wiring;

/// <summary>
/// The composition root of the command line: the real pieces behind the commands. Until a piece is merged its
/// slot reports itself missing (a runtime failure, exit code 1) instead of pretending to work; the two slots
/// still open are <see cref="StudyCatalog"/> and <see cref="RunServices"/> (they need an algorithm registry and a
/// demonstration source).
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
        () => SyntheticRunWork.FromEnvironment() ?? (IRunWork)new ExecutorRunWork(RunServices()),
        new CoreStudyFrontEnd(StudyCatalog, RunServices),
        Reports(),
        new ProductCatalog());

    /// <summary>What studies may name: tasks, demonstrators, regimes, algorithms, proxies.</summary>
    public static IStudyCatalog StudyCatalog() => throw Missing("the study catalog (task providers and algorithm factories)");

    /// <summary>What a run needs: tasks, algorithms, proxies, demonstrations.</summary>
    public static RunServices RunServices() => throw Missing("the run services (task providers and algorithm factories)");

    public static IReportWriter Reports() => new ProductReportWriter(Version);

    public static NotAvailableException Missing(string what) => new($"{what} is not available in this build yet");

    private sealed class ProductCatalog : ICatalog
    {
        // MuJoCo tasks join here once HpProxy.MuJoCo has a task provider.
        public IReadOnlyList<CatalogEntry> Tasks() =>
            [.. new ClassicControlTasks().Tasks.Select(t => new CatalogEntry(t.Name,
                $"{t.Description} [{t.Family}; obs {t.ObservationSize}, act {t.ActionSize}, horizon {t.Horizon}{(t.TerminatesEarly ? ", terminates early" : "")}]"))];

        public IReadOnlyList<CatalogEntry> Algorithms() => throw Missing("the algorithm registry");

        public IReadOnlyList<CatalogEntry> Proxies() =>
            [.. ProxyRegistry.All.Select(p => new CatalogEntry(p.Name, $"{p.Description} ({Direction(p.Direction)})"))];

        private static string Direction(ProxyDirection d) => d == ProxyDirection.LowerIsBetter ? "lower is better" : "higher is better";
    }
}

/// <summary>A piece of the product is not part of this build (exit code 1).</summary>
public sealed class NotAvailableException(string message) : Exception(message);
