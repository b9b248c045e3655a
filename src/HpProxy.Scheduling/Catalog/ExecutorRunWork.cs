using HpProxy.Core.Runs;
using HpProxy.Scheduling.Jobs;

namespace HpProxy.Scheduling.Catalog;

/// <summary>
/// The product's run work: reads the run's spec and reference returns from the study database and executes it
/// with <see cref="RunExecutor"/>. Divergence and exceptions come back as a failure with the reason.
/// </summary>
public sealed class ExecutorRunWork(RunServices services) : IRunWork
{
    public RunWorkResult Execute(RunWorkContext context, Action<CheckpointResult> onCheckpoint, CancellationToken cancellationToken)
    {
        var spec = context.Store.GetRunSpec(context.RunId);
        var references = context.Store.GetReferences(spec.Task, spec.Demonstrations.Name)
                         ?? ReferenceMeter.Measure(services, spec.Task, spec.Demonstrations);
        var outcome = new RunExecutor(services).Execute(spec, references, onCheckpoint, cancellationToken);
        return outcome.Succeeded ? RunWorkResult.Success : RunWorkResult.Failure(outcome.FailureReason ?? "failed");
    }
}
