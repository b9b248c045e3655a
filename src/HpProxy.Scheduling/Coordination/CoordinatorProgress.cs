using HpProxy.Storage;

namespace HpProxy.Scheduling.Coordination;

/// <summary>What the coordinator knows at one tick, for the progress line.</summary>
/// <param name="Progress">Run counts from the study database.</param>
/// <param name="Workers">Worker processes seen alive (heartbeats), on every machine.</param>
/// <param name="RunsPerMinute">Finished runs per minute over the recent window, or null when unknown.</param>
/// <param name="Eta">Time left, weighted by run kind (<see cref="KindWeightedEta"/>), or null when unknown.</param>
/// <param name="EtaIsLowerBound">Some remaining runs are of a kind not yet timed: the study takes at least <paramref name="Eta"/>.</param>
public sealed record CoordinatorProgress(StudyProgress Progress, int Workers, double? RunsPerMinute, TimeSpan? Eta, bool EtaIsLowerBound = false)
{
    public int Remaining => Progress.Pending + Progress.Running;

    public int Finished => Progress.Succeeded + Progress.Failed + Progress.Cancelled;
}
