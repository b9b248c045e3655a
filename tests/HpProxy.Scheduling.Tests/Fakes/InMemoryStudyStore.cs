using HpProxy.Core.Analysis;
using HpProxy.Core.Envs;
using HpProxy.Core.Runs;
using HpProxy.Core.Studies;
using HpProxy.Storage;

namespace HpProxy.Scheduling.Tests.Fakes;

/// <summary>
/// The study-store contract in memory, with the claim/lease rules of <see cref="IStudyStore"/> and a clock the
/// test controls. Dispose does nothing, so one instance can be handed to every job of a test.
/// </summary>
public sealed class InMemoryStudyStore(TimeProvider? time = null) : IStudyStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Row> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkerInfo> _workers = [];

    public int ClaimCalls { get; private set; }

    /// <summary>When set, the next renewal throws this (a transient database error).</summary>
    public Exception? FailNextRenewal { get; set; }

    public sealed class Row(PlannedRun run)
    {
        public PlannedRun Run { get; } = run;
        public RunState State { get; set; } = RunState.Pending;
        public string? Owner { get; set; }
        public DateTimeOffset? LeaseUntil { get; set; }
        public int Attempts { get; set; }
        public string? Error { get; set; }
        public double? Wall { get; set; }
        public List<CheckpointResult> Checkpoints { get; set; } = [];
        public int Completions { get; set; }
        public int Releases { get; set; }
        public RunProvenance? Provenance { get; set; }
    }

    public Row this[string runId]
    {
        get { lock (_gate) return _runs[runId]; }
    }

    public static PlannedRun Planned(string runId) => new(runId, "pendulum", "synthetic-5", "bc", "c0", 0, "{}");

    public void Add(params string[] runIds) => AddRuns(runIds.Select(Planned));

    /// <summary>Takes a run over as another owner (as after an expiry), without the lease rules.</summary>
    public void Steal(string runId, string owner)
    {
        lock (_gate)
        {
            var r = _runs[runId];
            r.State = RunState.Running;
            r.Owner = owner;
            r.LeaseUntil = _time.GetUtcNow() + TimeSpan.FromHours(1);
            r.Attempts++;
        }
    }

    public void Migrate()
    {
    }

    public StudyInfo SaveStudy(string name, string fileHash, string fileText, string codeVersion) =>
        new(name, fileHash, fileText, codeVersion, _time.GetUtcNow());

    public StudyInfo? GetStudy() => null;

    public int AddRuns(IEnumerable<PlannedRun> runs)
    {
        lock (_gate)
        {
            int added = 0;
            foreach (var r in runs)
            {
                if (_runs.TryAdd(r.RunId, new Row(r))) added++;
            }
            return added;
        }
    }

    public void SaveReferences(string task, string demonstrations, ReferenceReturns references)
    {
    }

    public ReferenceReturns? GetReferences(string task, string demonstrations) => new(0, 1);

    public RunClaim? TryClaim(string runId, string owner, TimeSpan lease)
    {
        lock (_gate)
        {
            ClaimCalls++;
            var now = _time.GetUtcNow();
            if (!_runs.TryGetValue(runId, out var r)) return null;
            bool free = r.State == RunState.Pending || (r.State == RunState.Running && r.LeaseUntil <= now);
            if (!free) return null;
            r.State = RunState.Running;
            r.Owner = owner;
            r.LeaseUntil = now + lease;
            r.Attempts++;
            return new RunClaim(runId, owner, r.Attempts);
        }
    }

    public bool RenewLease(RunClaim claim, TimeSpan lease)
    {
        lock (_gate)
        {
            if (FailNextRenewal is { } e)
            {
                FailNextRenewal = null;
                throw e;
            }
            var r = _runs[claim.RunId];
            if (r.State != RunState.Running || r.Owner != claim.Owner) return false;
            r.LeaseUntil = _time.GetUtcNow() + lease;
            return true;
        }
    }

    public bool ReleaseClaim(RunClaim claim)
    {
        lock (_gate)
        {
            var r = _runs[claim.RunId];
            if (r.State != RunState.Running || r.Owner != claim.Owner || r.Attempts != claim.Attempt) return false;
            r.State = RunState.Pending;
            r.Owner = null;
            r.LeaseUntil = null;
            r.Attempts--;
            r.Releases++;
            return true;
        }
    }

    public bool CompleteSucceeded(RunClaim claim, IReadOnlyList<CheckpointResult> checkpoints, double wallSeconds, RunProvenance? provenance = null) =>
        Complete(claim, RunState.Succeeded, null, checkpoints, wallSeconds, provenance);

    public bool CompleteFailed(RunClaim claim, string reason, IReadOnlyList<CheckpointResult> checkpoints, double wallSeconds, RunProvenance? provenance = null) =>
        Complete(claim, RunState.Failed, reason, checkpoints, wallSeconds, provenance);

    private bool Complete(RunClaim claim, RunState state, string? error, IReadOnlyList<CheckpointResult> checkpoints, double wall, RunProvenance? provenance)
    {
        lock (_gate)
        {
            var r = _runs[claim.RunId];
            if (r.State != RunState.Running || r.Owner != claim.Owner) return false;
            r.State = state;
            r.Error = error;
            r.Wall = wall;
            r.Provenance = provenance;
            r.Checkpoints = [.. checkpoints];
            r.Owner = null;
            r.LeaseUntil = null;
            r.Completions++;
            return true;
        }
    }

    public IReadOnlyList<string> RunsToEnqueue(DateTimeOffset now)
    {
        lock (_gate)
        {
            return [.. _runs.Values
                .Where(r => r.State == RunState.Pending || (r.State == RunState.Running && r.LeaseUntil <= now))
                .Select(r => r.Run.RunId)
                .Order(StringComparer.Ordinal)];
        }
    }

    public int CancelPending()
    {
        lock (_gate)
        {
            int n = 0;
            foreach (var r in _runs.Values.Where(r => r.State == RunState.Pending))
            {
                r.State = RunState.Cancelled;
                n++;
            }
            return n;
        }
    }

    public int Requeue(bool includeFailed)
    {
        lock (_gate)
        {
            int n = 0;
            foreach (var r in _runs.Values.Where(r => r.State == RunState.Cancelled || (includeFailed && r.State == RunState.Failed)))
            {
                r.State = RunState.Pending;
                n++;
            }
            return n;
        }
    }

    public RunSpec GetRunSpec(string runId) => throw new NotSupportedException("the fake store keeps no specs");

    public StudyProgress GetProgress()
    {
        lock (_gate)
        {
            int Count(RunState s) => _runs.Values.Count(r => r.State == s);
            return new StudyProgress(_runs.Count, Count(RunState.Pending), Count(RunState.Running),
                Count(RunState.Succeeded), Count(RunState.Failed), Count(RunState.Cancelled));
        }
    }

    public IReadOnlyList<RunRecord> GetRuns()
    {
        lock (_gate)
        {
            return [.. _runs.Values.Select(r => new RunRecord(r.Run.RunId, r.Run.Task, r.Run.Demonstrations, r.Run.Algorithm,
                r.Run.ConfigId, r.Run.Seed, r.State, r.Owner, r.LeaseUntil, r.Attempts, r.Error, r.Wall, r.Run.SpecJson,
                r.Provenance?.CodeVersion, r.Provenance?.CpuSeconds) { ResolvedHyperparameters = r.Provenance?.ResolvedHyperparameters })];
        }
    }

    public IReadOnlyList<CheckpointRow> GetCheckpoints() => [];

    public void Heartbeat(string workerId, int processId, string host, string? currentRunId)
    {
        lock (_gate) _workers[workerId] = new WorkerInfo(workerId, processId, host, currentRunId, _time.GetUtcNow());
    }

    public IReadOnlyList<WorkerInfo> GetWorkers(TimeSpan aliveWithin)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return [.. _workers.Values.Where(w => now - w.LastSeen <= aliveWithin)];
        }
    }

    public void Dispose()
    {
    }
}
