using Hangfire;
using HpProxy.Scheduling.Jobs;

namespace HpProxy.Scheduling.Workers;

/// <summary>Hands Hangfire the one configured <see cref="RunJob"/> (it is stateless between runs and
/// thread-safe); any other job type is refused, since this queue carries only run jobs.</summary>
public sealed class RunJobActivator(RunJob job) : JobActivator
{
    public override object ActivateJob(Type jobType) =>
        jobType == typeof(RunJob)
            ? job
            : throw new InvalidOperationException($"this worker runs only {nameof(RunJob)} jobs, not {jobType}");
}
