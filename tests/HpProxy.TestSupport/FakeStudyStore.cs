using HpProxy.Core.Analysis;
using HpProxy.Core.Envs;
using HpProxy.Core.Runs;
using HpProxy.Core.Studies;
using HpProxy.Storage;

namespace HpProxy.TestSupport;

/// <summary>
/// An in-memory study store holding hand-made runs, checkpoint rows and workers: the read side the report, the
/// dashboard and their benchmarks use, plus cancel/requeue (the dashboard's actions). Thread-safe, so runs may
/// change while a dashboard serves it. The worker side (claims, leases, completion) is not here: it throws.
/// </summary>
public sealed class FakeStudyStore(
    StudyInfo? study = null,
    IEnumerable<RunRecord>? runs = null,
    IEnumerable<CheckpointRow>? rows = null,
    IEnumerable<WorkerInfo>? workers = null) : IStudyStore
{
    private readonly Lock _gate = new();
    private readonly List<RunRecord> _runs = [.. runs ?? []];
    private readonly List<CheckpointRow> _rows = [.. rows ?? []];

    /// <summary>What <see cref="GetWorkers"/> returns (every worker, whatever the window).</summary>
    public List<WorkerInfo> Workers { get; } = [.. workers ?? []];

    public bool Disposed { get; private set; }

    public void Add(RunRecord run, params CheckpointRow[] rows)
    {
        lock (_gate)
        {
            _runs.Add(run);
            _rows.AddRange(rows);
        }
    }

    public void SetState(string runId, RunState state, double? wall = null, string? error = null)
    {
        lock (_gate)
        {
            int i = _runs.FindIndex(r => r.RunId == runId);
            _runs[i] = _runs[i] with { State = state, WallSeconds = wall ?? _runs[i].WallSeconds, Error = error ?? _runs[i].Error };
        }
    }

    /// <summary>Sets a run's lease end (a past time on a running run makes it stalled: its worker died).</summary>
    public void SetLease(string runId, DateTimeOffset? until)
    {
        lock (_gate)
        {
            int i = _runs.FindIndex(r => r.RunId == runId);
            _runs[i] = _runs[i] with { LeaseUntil = until };
        }
    }

    public StudyInfo? GetStudy() => study;

    public IReadOnlyList<RunRecord> GetRuns()
    {
        lock (_gate) return _runs.ToList();
    }

    public IReadOnlyList<CheckpointRow> GetCheckpoints()
    {
        lock (_gate) return _rows.ToList();
    }

    public StudyProgress GetProgress()
    {
        lock (_gate)
        {
            return new(_runs.Count, _runs.Count(r => r.State == RunState.Pending), _runs.Count(r => r.State == RunState.Running),
                _runs.Count(r => r.State == RunState.Succeeded), _runs.Count(r => r.State == RunState.Failed), _runs.Count(r => r.State == RunState.Cancelled))
            {
                Stalled = _runs.Count(r => r.State == RunState.Running && r.LeaseUntil is { } until && until < DateTimeOffset.UtcNow),
            };
        }
    }

    public IReadOnlyList<WorkerInfo> GetWorkers(TimeSpan aliveWithin) => Workers.ToList();

    public int CancelPending()
    {
        lock (_gate)
        {
            var ids = _runs.Where(r => r.State == RunState.Pending).Select(r => r.RunId).ToList();
            foreach (string id in ids) SetState(id, RunState.Cancelled);
            return ids.Count;
        }
    }

    public int Requeue(bool includeFailed)
    {
        lock (_gate)
        {
            var ids = _runs.Where(r => r.State == RunState.Cancelled || (includeFailed && r.State == RunState.Failed)).Select(r => r.RunId).ToList();
            foreach (string id in ids) SetState(id, RunState.Pending);
            return ids.Count;
        }
    }

    public void Dispose() => Disposed = true;

    public void Migrate()
    {
    }

    public ReferenceReturns? GetReferences(string task, string demonstrations) => null;

    public IReadOnlyList<string> RunsToEnqueue(DateTimeOffset now) => [];

    public void Heartbeat(string workerId, int processId, string host, string? currentRunId)
    {
    }

    public StudyInfo SaveStudy(string name, string fileHash, string fileText, string codeVersion) => throw new NotSupportedException();

    public int AddRuns(IEnumerable<PlannedRun> planned) => throw new NotSupportedException();

    public void SaveReferences(string task, string demonstrations, ReferenceReturns references) => throw new NotSupportedException();

    public RunClaim? TryClaim(string runId, string owner, TimeSpan lease) => throw new NotSupportedException();

    public bool RenewLease(RunClaim claim, TimeSpan lease) => throw new NotSupportedException();

    public bool CompleteSucceeded(RunClaim claim, IReadOnlyList<CheckpointResult> checkpoints, double wallSeconds, RunProvenance? provenance = null) =>
        throw new NotSupportedException();

    public bool CompleteFailed(RunClaim claim, string reason, IReadOnlyList<CheckpointResult> checkpoints, double wallSeconds, RunProvenance? provenance = null) =>
        throw new NotSupportedException();

    public RunSpec GetRunSpec(string runId) => throw new NotSupportedException();
}
