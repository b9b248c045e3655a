using HpProxy.Scheduling;
using HpProxy.Scheduling.Coordination;
using HpProxy.Scheduling.Jobs;
using HpProxy.Scheduling.Workers;

namespace HpProxy.Cli.Wiring;

/// <summary>
/// Everything the commands need from the rest of the product, in one place so tests can pass fakes.
/// <see cref="ProductServices.Create"/> wires the real pieces.
/// </summary>
public sealed record CliServices(
    IStudyStoreOpener Stores,
    Func<IRunWork> Work,
    IStudyFrontEnd Studies,
    IReportWriter Reports,
    ICatalog Catalog)
{
    public SchedulingOptions Scheduling { get; init; } = SchedulingOptions.FromEnvironment();

    /// <summary>How <c>run</c>/<c>resume</c> start workers (child processes of this same program by default).</summary>
    public Func<StudyLocation, int, IWorkerLauncher> Launcher { get; init; } =
        (location, threads) => new ChildWorkerLauncher(WorkerCommand.ForCurrentProcess(), location, threads);

    /// <summary>The code version recorded with a study and printed by <c>version</c>.</summary>
    public string CodeVersion { get; init; } = ProductServices.Version;
}
