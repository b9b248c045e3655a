using HpProxy.Core.Analysis;
using HpProxy.Core.Envs;
using HpProxy.Core.Runs;
using HpProxy.Core.Studies;
using HpProxy.Storage;

namespace HpProxy.Reports.Tests;

/// <summary>An in-memory study store holding hand-made runs and checkpoint rows; only the read side the report
/// uses is implemented.</summary>
public sealed class FakeStudyStore(StudyInfo? study, IReadOnlyList<RunRecord> runs, IReadOnlyList<CheckpointRow> rows) : IStudyStore
{
    public StudyInfo? GetStudy() => study;
    public IReadOnlyList<RunRecord> GetRuns() => runs;
    public IReadOnlyList<CheckpointRow> GetCheckpoints() => rows;
    public IReadOnlyList<WorkerInfo> Workers { get; set; } = [];

    public StudyProgress GetProgress() => new(
        runs.Count,
        runs.Count(r => r.State == RunState.Pending),
        runs.Count(r => r.State == RunState.Running),
        runs.Count(r => r.State == RunState.Succeeded),
        runs.Count(r => r.State == RunState.Failed),
        runs.Count(r => r.State == RunState.Cancelled));

    public IReadOnlyList<WorkerInfo> GetWorkers(TimeSpan aliveWithin) => Workers;

    public RunSpec GetRunSpec(string runId) => throw new NotSupportedException();
    public void Migrate() { }
    public StudyInfo SaveStudy(string name, string fileHash, string fileText, string codeVersion) => throw new NotSupportedException();
    public int AddRuns(IEnumerable<PlannedRun> planned) => throw new NotSupportedException();
    public void SaveReferences(string task, string demonstrations, ReferenceReturns references) => throw new NotSupportedException();
    public ReferenceReturns? GetReferences(string task, string demonstrations) => null;
    public RunClaim? TryClaim(string runId, string owner, TimeSpan lease) => throw new NotSupportedException();
    public bool RenewLease(RunClaim claim, TimeSpan lease) => throw new NotSupportedException();
    public bool CompleteSucceeded(RunClaim claim, IReadOnlyList<CheckpointResult> checkpoints, double wallSeconds) => throw new NotSupportedException();
    public bool CompleteFailed(RunClaim claim, string reason, IReadOnlyList<CheckpointResult> checkpoints, double wallSeconds) => throw new NotSupportedException();
    public IReadOnlyList<string> RunsToEnqueue(DateTimeOffset now) => [];
    public int CancelPending() => 0;
    public int Requeue(bool includeFailed) => 0;
    public void Heartbeat(string workerId, int processId, string host, string? currentRunId) { }
    public void Dispose() { }
}
