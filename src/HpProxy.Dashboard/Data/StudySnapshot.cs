using HpProxy.Core.Agents;
using HpProxy.Storage;

namespace HpProxy.Dashboard.Data;

/// <summary>What the overview shows at one moment, read from the study database in one go (runs in run-id order).</summary>
public sealed record StudySnapshot(
    DateTimeOffset At,
    StudyProgress Progress,
    IReadOnlyList<RunRecord> Runs,
    IReadOnlyList<WorkerInfo> Workers,
    IReadOnlyList<GroupProgress> Groups,
    double? RunsPerMinute,
    double? EtaSeconds)
{
    /// <summary>Finished runs this code would train with other defaults (the overview warns; see <c>DefaultsDrift</c>).</summary>
    public DefaultsDriftReport DefaultsDrift { get; init; } = new(0, []);
}

/// <summary>Run counts of one task × demonstrations × algorithm.</summary>
public sealed record GroupProgress(string Task, string Demonstrations, string Algorithm, int Total, int Pending, int Running, int Succeeded, int Failed, int Cancelled);
