using HpProxy.Core.Analysis;
using HpProxy.Core.Envs;
using HpProxy.Core.Runs;
using HpProxy.Core.Studies;
using HpProxy.Storage;

namespace HpProxy.Dashboard.Bench;

/// <summary>A read-only in-memory study (the dashboard's and the report's read side only).</summary>
internal sealed class InMemoryStudyStore(StudyInfo study, List<RunRecord> runs, List<CheckpointRow> rows, List<WorkerInfo> workers) : IStudyStore
{
    public StudyInfo? GetStudy() => study;
    public IReadOnlyList<RunRecord> GetRuns() => runs.ToList();
    public IReadOnlyList<CheckpointRow> GetCheckpoints() => rows.ToList();
    public IReadOnlyList<WorkerInfo> GetWorkers(TimeSpan aliveWithin) => workers;

    public StudyProgress GetProgress() => new(runs.Count, runs.Count(r => r.State == RunState.Pending), runs.Count(r => r.State == RunState.Running),
        runs.Count(r => r.State == RunState.Succeeded), runs.Count(r => r.State == RunState.Failed), runs.Count(r => r.State == RunState.Cancelled));

    public void Migrate() { }
    public void Dispose() { }
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
    public RunSpec GetRunSpec(string runId) => throw new NotSupportedException();
    public void Heartbeat(string workerId, int processId, string host, string? currentRunId) { }
}
