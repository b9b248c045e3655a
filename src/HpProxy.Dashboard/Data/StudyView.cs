using HpProxy.Core.Agents;
using HpProxy.Core.Analysis;
using HpProxy.Reports.Model;
using HpProxy.Scheduling.Coordination;
using HpProxy.Storage;

namespace HpProxy.Dashboard.Data;

/// <summary>
/// The dashboard's only door to the study database. Calls are serialised (a store need not be thread-safe) and
/// the overview and the scatter points are cached for <see cref="DashboardSettings.CacheFor"/>, so many tabs
/// polling a study of 10,000 runs cost one read per period.
/// </summary>
public sealed class StudyView(DashboardSettings settings) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly RateEstimator _throughput = new(TimeSpan.FromMinutes(10));
    private StudySnapshot? _snapshot;
    private (DateTimeOffset At, IReadOnlyList<CheckpointRow> Rows, IReadOnlyList<ConfigPoint> Points)? _rows;

    // Each finished run's changed defaults, judged once per recorded configuration (a finished run's record only
    // changes if it is retried), so polling a study of 10,000 runs re-reads no spec.
    private readonly Dictionary<string, (string Recorded, IReadOnlyList<DefaultChange> Changes)> _judged = new(StringComparer.Ordinal);

    public string StudyName => settings.StudyName;

    public StudySnapshot Snapshot()
    {
        lock (_gate)
        {
            var now = settings.Clock.GetUtcNow();
            if (_snapshot is { } cached && now - cached.At < settings.CacheFor) return cached;
            var store = settings.Store;
            var progress = store.GetProgress();
            var runs = store.GetRuns().OrderBy(r => r.RunId, StringComparer.Ordinal).ToList();
            var workers = store.GetWorkers(settings.WorkerAliveWithin);
            _throughput.Add(now, progress.Succeeded + progress.Failed);
            var groups = runs.GroupBy(r => (r.Task, r.Demonstrations, r.Algorithm))
                .OrderBy(g => g.Key.Task, StringComparer.Ordinal).ThenBy(g => g.Key.Demonstrations, StringComparer.Ordinal).ThenBy(g => g.Key.Algorithm, StringComparer.Ordinal)
                .Select(g => new GroupProgress(g.Key.Task, g.Key.Demonstrations, g.Key.Algorithm, g.Count(),
                    g.Count(r => r.State == RunState.Pending), g.Count(r => r.State == RunState.Running), g.Count(r => r.State == RunState.Succeeded),
                    g.Count(r => r.State == RunState.Failed), g.Count(r => r.State == RunState.Cancelled)))
                .ToList();
            _snapshot = new StudySnapshot(now, progress, runs, workers, groups, _throughput.RunsPerMinute, EstimateSeconds(progress, runs, workers.Count))
            {
                DefaultsDrift = DefaultsDrift.Summarize(runs.Where(r => r.ResolvedHyperparameters is not null).Select(Judged)),
            };
            return _snapshot;
        }
    }

    private IReadOnlyList<DefaultChange> Judged(RunRecord run)
    {
        string recorded = run.ResolvedHyperparameters!;
        if (_judged.TryGetValue(run.RunId, out var known) && known.Recorded == recorded) return known.Changes;
        var changes = RunDefaultsCheck.ChangesOf(run);
        _judged[run.RunId] = (recorded, changes);
        return changes;
    }

    /// <summary>Configuration points for the live scatter (succeeded runs, last checkpoint, mean over seeds).</summary>
    public IReadOnlyList<ConfigPoint> Points() => Rows().Points;

    /// <summary>Stored checkpoint rows of one run, in checkpoint order.</summary>
    public IReadOnlyList<CheckpointRow> Checkpoints(string runId) =>
        Rows().Rows.Where(r => r.RunId == runId).OrderBy(r => r.CheckpointIndex).ToList();

    private (DateTimeOffset At, IReadOnlyList<CheckpointRow> Rows, IReadOnlyList<ConfigPoint> Points) Rows()
    {
        var snapshot = Snapshot();
        lock (_gate)
        {
            var now = settings.Clock.GetUtcNow();
            if (_rows is { } cached && now - cached.At < settings.PointsCacheFor) return cached;
            IReadOnlyList<CheckpointRow> rows = settings.Store.GetCheckpoints();
            _rows = (now, rows, ReportData.ConfigurationPoints(snapshot.Runs, rows));
            return _rows.Value;
        }
    }

    /// <summary>Runs a store call under the gate and drops the caches (for actions and single-run reads).</summary>
    public T With<T>(Func<IStudyStore, T> read, bool invalidate = false)
    {
        lock (_gate)
        {
            if (invalidate)
            {
                _snapshot = null;
                _rows = null;
            }
            return read(settings.Store);
        }
    }

    /// <summary>Time left as <c>hpproxy status</c> computes it, from stored facts only: the mean wall time of
    /// finished runs, times the runs left, shared by the live workers. Null when nothing finished yet or no worker
    /// is alive; 0 when the study is done.</summary>
    public static double? EstimateSeconds(StudyProgress p, IReadOnlyList<RunRecord> runs, int workers)
    {
        int left = p.Pending + p.Running;
        if (left == 0) return 0;
        double sum = 0;
        int n = 0;
        foreach (var r in runs)
        {
            if (r.State is RunState.Succeeded or RunState.Failed && r.WallSeconds is > 0)
            {
                sum += r.WallSeconds.Value;
                n++;
            }
        }
        if (n == 0 || workers == 0) return null;
        return Math.Round(sum / n * left / workers, 1);
    }

    public void Dispose() => settings.Store.Dispose();
}
