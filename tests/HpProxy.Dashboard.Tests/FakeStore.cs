using System.Globalization;
using HpProxy.Core.Analysis;
using HpProxy.Core.Envs;
using HpProxy.Core.Runs;
using HpProxy.Core.Studies;
using HpProxy.Storage;

namespace HpProxy.Dashboard.Tests;

/// <summary>An in-memory study store whose runs can be changed while a dashboard serves it (thread-safe).</summary>
public sealed class FakeStore : IStudyStore
{
    private readonly Lock _gate = new();
    private readonly List<RunRecord> _runs = [];
    private readonly List<CheckpointRow> _rows = [];

    public List<WorkerInfo> Workers { get; } = [];
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

    /// <summary>A study: tasks × algorithms × configs × seeds; the first <paramref name="succeeded"/> runs done
    /// (wall 10 s, 2 checkpoints, proxy = 1 − score), the next one failed, one running, the rest pending.</summary>
    public static FakeStore Create(int configs = 4, int seeds = 2, int succeeded = 6, string task = "pendulum")
    {
        var store = new FakeStore();
        int n = 0;
        foreach (string algorithm in new[] { "bc", "gail" })
        {
            for (int c = 0; c < configs; c++)
            {
                for (int s = 0; s < seeds; s++, n++)
                {
                    string id = $"{algorithm}-c{c}-s{s}";
                    string config = "c" + c.ToString(CultureInfo.InvariantCulture);
                    var state = n < succeeded ? RunState.Succeeded : n == succeeded ? RunState.Failed : n == succeeded + 1 ? RunState.Running : RunState.Pending;
                    string spec = $$$"""{"hyperparameters":{"learning_rate":{{{(c + 1) * 0.001}}},"activation":"relu"}}""";
                    var run = new RunRecord(id, task, "synthetic", algorithm, config, s, state, state == RunState.Running ? "w1" : null, null,
                        state == RunState.Pending ? 0 : 1, state == RunState.Failed ? "diverged: <NaN> & exploded" : null,
                        state is RunState.Succeeded or RunState.Failed ? 10.0 : null, spec);
                    var rows = state == RunState.Succeeded
                        ? Enumerable.Range(0, 2).Select(k =>
                        {
                            double score = (c + 1.0) / configs * (k + 1) / 2.0;
                            return new CheckpointRow(id, task, "synthetic", algorithm, config, s, k, 100 * (k + 1), score * 100, score,
                                new Dictionary<string, double> { ["state_wasserstein"] = 1 - score, ["action_mse"] = double.NaN });
                        }).ToArray()
                        : [];
                    store.Add(run, rows);
                }
            }
        }
        store.Workers.Add(new WorkerInfo("w1", 4242, "host-a", "bc-c0-s0", DateTimeOffset.UnixEpoch));
        return store;
    }

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
                _runs.Count(r => r.State == RunState.Succeeded), _runs.Count(r => r.State == RunState.Failed), _runs.Count(r => r.State == RunState.Cancelled));
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

    public StudyInfo? GetStudy() => null;
    public void Dispose() => Disposed = true;
    public void Migrate() { }
    public StudyInfo SaveStudy(string name, string fileHash, string fileText, string codeVersion) => throw new NotSupportedException();
    public int AddRuns(IEnumerable<PlannedRun> runs) => throw new NotSupportedException();
    public void SaveReferences(string task, string demonstrations, ReferenceReturns references) => throw new NotSupportedException();
    public ReferenceReturns? GetReferences(string task, string demonstrations) => null;
    public RunClaim? TryClaim(string runId, string owner, TimeSpan lease) => throw new NotSupportedException();
    public bool RenewLease(RunClaim claim, TimeSpan lease) => throw new NotSupportedException();
    public bool CompleteSucceeded(RunClaim claim, IReadOnlyList<CheckpointResult> checkpoints, double wallSeconds) => throw new NotSupportedException();
    public bool CompleteFailed(RunClaim claim, string reason, IReadOnlyList<CheckpointResult> checkpoints, double wallSeconds) => throw new NotSupportedException();
    public IReadOnlyList<string> RunsToEnqueue(DateTimeOffset now) => [];
    public RunSpec GetRunSpec(string runId) => throw new NotSupportedException();
    public void Heartbeat(string workerId, int processId, string host, string? currentRunId) { }
}
