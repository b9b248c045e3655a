using System.Reflection;
using HpProxy.Scheduling;
using HpProxy.Scheduling.Jobs;

namespace HpProxy.Cli.Wiring;

/// <summary>The real pieces behind the commands. Until a piece is merged its slot reports itself missing
/// (a runtime failure, exit code 1) instead of pretending to work.</summary>
public static class ProductServices
{
    public static string Version { get; } =
        typeof(ProductServices).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ProductServices).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public static CliServices Create() => new(
        StudyStoreOpener.Instance,
        () => new MissingWork(),
        new MissingFrontEnd(),
        new MissingReports(),
        new MissingCatalog());

    public static NotAvailableException Missing(string what) => new($"{what} is not available in this build yet");

    private sealed class MissingWork : IRunWork
    {
        public RunWorkResult Execute(RunWorkContext context, Action<HpProxy.Core.Runs.CheckpointResult> onCheckpoint, CancellationToken cancellationToken) =>
            throw Missing("the run executor (HpProxy.Core.Runs)");
    }

    private sealed class MissingFrontEnd : IStudyFrontEnd
    {
        public StudyLoad Load(string path) => throw Missing("the study loader (HpProxy.Core.Studies)");
    }

    private sealed class MissingReports : IReportWriter
    {
        public string Build(HpProxy.Storage.IStudyStore store, StudyLocation location) => throw Missing("the report (HpProxy.Reports)");
    }

    private sealed class MissingCatalog : ICatalog
    {
        public IReadOnlyList<CatalogEntry> Tasks() => throw Missing("the task registry");

        public IReadOnlyList<CatalogEntry> Algorithms() => throw Missing("the algorithm registry");

        public IReadOnlyList<CatalogEntry> Proxies() => throw Missing("the proxy registry");
    }
}

/// <summary>A piece of the product is not part of this build (exit code 1).</summary>
public sealed class NotAvailableException(string message) : Exception(message);
