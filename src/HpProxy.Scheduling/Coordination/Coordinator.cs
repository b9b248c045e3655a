using HpProxy.Scheduling.Queueing;
using HpProxy.Storage;

namespace HpProxy.Scheduling.Coordination;

/// <summary>
/// Drives a study to its end on this machine: enqueues every unfinished run, keeps <c>workers</c> worker
/// processes alive while work remains, re-enqueues runs whose lease expired (a killed worker: redone about one
/// lease later), reports progress, and returns when no run is pending or running. It holds no state of its own
/// that matters: killing it loses nothing, and <c>resume</c> starts another one.
/// </summary>
public sealed class Coordinator
{
    /// <summary>Workers that die this soon after starting, this many times in a row, mean something is broken
    /// (bad install, unreadable database): stop instead of respawning forever.</summary>
    public static readonly TimeSpan QuickDeath = TimeSpan.FromSeconds(10);

    public const int MaxQuickDeaths = 3;

    private readonly IStudyStore _store;
    private readonly RunEnqueuer _enqueuer;
    private readonly IWorkerLauncher _launcher;
    private readonly SchedulingOptions _options;
    private readonly TimeProvider _time;
    private readonly IWorkerProcess?[] _slots;
    private readonly RateEstimator _rate = new();
    private readonly KindWeightedEta _eta = new();
    private StudyProgress? _etaReadAt;
    private IReadOnlyList<RunRecord> _runs = [];
    private readonly Action<string> _log;
    private int _quickDeaths;

    public Coordinator(
        IStudyStore store,
        IRunQueue queue,
        IWorkerLauncher launcher,
        int workers,
        SchedulingOptions options,
        Action<string>? log = null,
        TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workers);
        _store = store;
        _enqueuer = new RunEnqueuer(queue, options.Lease);
        _launcher = launcher;
        _options = options;
        _time = time ?? TimeProvider.System;
        _slots = new IWorkerProcess?[workers];
        _log = log ?? (_ => { });
    }

    public RunEnqueuer Enqueuer => _enqueuer;

    /// <summary>Worker processes started so far (first starts and respawns).</summary>
    public int WorkersStarted { get; private set; }

    /// <summary>Runs until the study has no pending or running run, or until <paramref name="cancellationToken"/>
    /// fires (then worker processes are asked to stop; their runs are redone by the next <c>resume</c>).</summary>
    public CoordinatorProgress Run(Action<CoordinatorProgress> onProgress, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var progress = Tick();
                onProgress(progress);
                if (progress.Remaining == 0) break;
                if (cancellationToken.WaitHandle.WaitOne(_options.CoordinatorTick)) break;
            }
            if (cancellationToken.IsCancellationRequested)
            {
                _log("coordinator: interrupted; stopping workers (unfinished runs are redone by `resume`)");
                StopWorkers(graceful: true);
            }
            else
            {
                WaitForWorkersToLeave();
            }
            return Snapshot();
        }
        finally
        {
            foreach (var w in _slots) w?.Dispose();
        }
    }

    /// <summary>One pass: enqueue what is due, keep workers alive while work remains, measure progress.</summary>
    public CoordinatorProgress Tick()
    {
        var now = _time.GetUtcNow();
        var (first, again) = _enqueuer.EnqueueDue(_store, now);
        if (first.Count > 0) _log($"coordinator: enqueued {first.Count} run(s)");
        foreach (string runId in again) _log($"coordinator: enqueued run {runId} again (its lease expired, or its job was used for an earlier run or lost)");
        var progress = _store.GetProgress();
        int remaining = progress.Pending + progress.Running;
        if (remaining > 0) KeepWorkersAlive(remaining, now);
        _rate.Add(now, progress.Succeeded + progress.Failed);
        return Snapshot(progress);
    }

    private CoordinatorProgress Snapshot(StudyProgress? progress = null)
    {
        var p = progress ?? _store.GetProgress();
        int workers, slots;
        try
        {
            var alive = _store.GetWorkers(_options.WorkerAliveWithin);
            workers = alive.Count;
            // A worker with several threads lists its runs comma-separated; an idle one still has a slot.
            slots = alive.Sum(w => Math.Max(1, w.CurrentRunId?.Split(',').Length ?? 0));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            workers = slots = _slots.Count(w => w is { HasExited: false });
        }
        var eta = EstimateTimeLeft(p, slots);
        return new CoordinatorProgress(p, workers, _rate.RunsPerMinute, eta?.Time, eta?.LowerBound ?? false);
    }

    /// <summary>The kind-weighted estimate (<see cref="KindWeightedEta"/>), not the plain rate of finished runs: the
    /// first runs to finish are often the cheapest (BC), and extrapolating from them promises an early end. The
    /// runs are read again only when the counts changed.</summary>
    private EtaEstimate? EstimateTimeLeft(StudyProgress p, int slots)
    {
        if (p.Pending + p.Running == 0) return new EtaEstimate(TimeSpan.Zero, LowerBound: false);
        try
        {
            if (_etaReadAt != p)
            {
                _runs = _store.GetRuns();
                _eta.Observe(_runs);
                _etaReadAt = p;
            }
            return _eta.Estimate(_runs, slots);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _log($"coordinator: cannot estimate the time left: {e.Message}");
            return null;
        }
    }

    private void KeepWorkersAlive(int remaining, DateTimeOffset now)
    {
        // No more local workers than runs left: a tiny study does not start a process per core.
        int wanted = Math.Min(_slots.Length, remaining);
        for (int slot = 0; slot < _slots.Length; slot++)
        {
            var worker = _slots[slot];
            if (worker is { HasExited: true })
            {
                bool quick = now - worker.StartedAt < QuickDeath && worker.ExitCode != 0;
                _quickDeaths = quick ? _quickDeaths + 1 : 0;
                _log($"coordinator: worker {slot} (pid {worker.ProcessId}) exited with code {worker.ExitCode}");
                worker.Dispose();
                _slots[slot] = worker = null;
                if (_quickDeaths >= MaxQuickDeaths)
                {
                    StopWorkers(graceful: true);
                    throw new WorkerCrashLoopException(
                        $"{MaxQuickDeaths} worker processes in a row exited within {QuickDeath.TotalSeconds:F0} s of starting; see the worker logs");
                }
            }
            if (worker is null && slot < wanted)
            {
                _slots[slot] = _launcher.Start(slot);
                WorkersStarted++;
                _log($"coordinator: started worker {slot} (pid {_slots[slot]!.ProcessId})");
            }
        }
    }

    /// <summary>Workers exit by themselves a few seconds after the study runs dry; wait for that, then insist.</summary>
    private void WaitForWorkersToLeave()
    {
        var patience = _options.IdleExitAfter + _options.HeartbeatInterval + _options.ShutdownTimeout;
        foreach (var w in _slots)
        {
            if (w is null || w.WaitForExit(patience)) continue;
            _log($"coordinator: worker pid {w.ProcessId} did not exit; stopping it");
            w.RequestStop();
            if (!w.WaitForExit(_options.ShutdownTimeout)) w.Kill();
        }
    }

    private void StopWorkers(bool graceful)
    {
        foreach (var w in _slots)
        {
            if (w is null || w.HasExited) continue;
            if (graceful) w.RequestStop();
            else w.Kill();
        }
        foreach (var w in _slots)
        {
            if (w is null) continue;
            if (!w.WaitForExit(_options.ShutdownTimeout + TimeSpan.FromSeconds(5))) w.Kill();
        }
    }
}

/// <summary>Workers keep dying right after starting; the coordinator gives up (exit code 1).</summary>
public sealed class WorkerCrashLoopException(string message) : Exception(message);
