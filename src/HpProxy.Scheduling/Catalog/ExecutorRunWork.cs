using HpProxy.Core.Runs;
using HpProxy.Core.Studies;
using HpProxy.Scheduling.Jobs;
using HpProxy.Storage.Datasets;

namespace HpProxy.Scheduling.Catalog;

/// <summary>
/// The product's run work: reads the run's spec and reference returns from the study database and executes it
/// with <see cref="RunExecutor"/>. Divergence and exceptions come back as a failure with the reason. Reference
/// returns are measured at planning; a run whose references are missing (a study planned by an older build)
/// measures and stores them itself — the measurement is deterministic, so concurrent workers store the same numbers.
/// Demonstration sets read from files are found in the study folder, where <c>run</c> staged them
/// (<paramref name="files"/>, <see cref="DemonstrationFileStore"/>).
/// </summary>
public sealed class ExecutorRunWork(RunServices services, DemonstrationFileStore? files = null) : IRunWork
{
    public RunWorkResult Execute(RunWorkContext context, Action<CheckpointResult> onCheckpoint, CancellationToken cancellationToken)
    {
        files?.AddStudyDirectory(context.Location.StudyDirectory);
        var spec = context.Store.GetRunSpec(context.RunId);
        var references = context.Store.GetReferences(spec.Task, spec.Demonstrations.Name);
        if (references is null)
        {
            references = ReferenceMeter.Measure(services, spec.Task, spec.Demonstrations);
            context.Store.SaveReferences(spec.Task, spec.Demonstrations.Name, references);
        }
        string resolved = RunSpecJson.SerializeHyperparameters(services.FindAlgorithm(spec.Algorithm).Resolve(spec.Hyperparameters));
        var outcome = new RunExecutor(services).Execute(spec, references, onCheckpoint, cancellationToken);
        var result = outcome.Succeeded ? RunWorkResult.Success : RunWorkResult.Failure(outcome.FailureReason ?? "failed");
        return result with { ResolvedHyperparameters = resolved };
    }
}
