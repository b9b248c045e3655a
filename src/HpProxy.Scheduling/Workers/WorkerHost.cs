using Hangfire;
using HpProxy.Scheduling.Jobs;
using HpProxy.Scheduling.Queueing;
using HpProxy.Storage;

namespace HpProxy.Scheduling.Workers;

/// <summary>
/// One worker process (<c>hpproxy worker</c>): a Hangfire server with <c>threads</c> workers (default 1: one
/// process per core, so a run never competes with another in the same garbage collector), a heartbeat into the
/// study database, and a clean exit on a stop request or once the study has had nothing left to do for a few
/// seconds (so that <c>run</c> can wait on its children).
/// </summary>
public sealed class WorkerHost(
    StudyLocation location,
    IStudyStoreOpener stores,
    IRunWork work,
    SchedulingOptions options,
    int threads,
    Action<string>? log = null,
    TimeProvider? time = null)
{
    private readonly Action<string> _log = log ?? (_ => { });
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Keeps serving even when the study has nothing to do (a worker started by hand before the
    /// study is planned, or one that waits for a later <c>resume</c>).</summary>
    public bool StayWhenIdle { get; init; }

    /// <summary>Why <see cref="Run"/> returned.</summary>
    public enum ExitReason
    {
        StudyDone,
        StopRequested,
    }

    public ExitReason Run(CancellationToken stop)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var storage = HangfireStorageFactory.Create(location, options);
        var active = new ActiveRuns();
        using var store = stores.Open(location);
        var job = new RunJob(stores, work, options, active, _log, store);
        string workerId = OwnerId.Process;

        var serverOptions = new BackgroundJobServerOptions
        {
            WorkerCount = threads,
            ServerName = workerId,
            Activator = new RunJobActivator(job),
            ShutdownTimeout = options.ShutdownTimeout,
            // Nothing is scheduled or retried by Hangfire here; poll those sets rarely.
            SchedulePollingInterval = TimeSpan.FromSeconds(30),
        };
        _log($"worker {workerId}: serving study '{location.StudyName}' with {threads} thread(s)");
        var reason = ExitReason.StopRequested;
        using (var server = new BackgroundJobServer(serverOptions, storage))
        {
            DateTimeOffset? idleSince = null;
            var lastBeat = DateTimeOffset.MinValue;
            var tick = TimeSpan.FromMilliseconds(Math.Min(1000, options.HeartbeatInterval.TotalMilliseconds));
            while (!stop.IsCancellationRequested)
            {
                var now = _time.GetUtcNow();
                if (now - lastBeat >= options.HeartbeatInterval)
                {
                    Beat(store, workerId, active.Describe());
                    lastBeat = now;
                }
                if (!StayWhenIdle && IsStudyIdle(store) && active.Count == 0)
                {
                    idleSince ??= now;
                    if (now - idleSince >= options.IdleExitAfter)
                    {
                        reason = ExitReason.StudyDone;
                        break;
                    }
                }
                else
                {
                    idleSince = null;
                }
                stop.WaitHandle.WaitOne(tick);
            }
            _log(reason == ExitReason.StudyDone
                ? $"worker {workerId}: the study has nothing left to do; exiting"
                : $"worker {workerId}: stop requested; finishing");
            server.SendStop();
            if (!server.WaitForShutdown(options.ShutdownTimeout))
            {
                _log($"worker {workerId}: jobs did not stop within {options.ShutdownTimeout.TotalSeconds:F0} s");
            }
        }
        Beat(store, workerId, null);
        (storage as IDisposable)?.Dispose();
        return reason;
    }

    private bool IsStudyIdle(IStudyStore store)
    {
        try
        {
            var p = store.GetProgress();
            return p.Pending + p.Running == 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _log($"worker: cannot read progress: {e.Message}");
            return false;
        }
    }

    private void Beat(IStudyStore store, string workerId, string? currentRuns)
    {
        try
        {
            store.Heartbeat(workerId, OwnerId.ProcessId, OwnerId.Host, currentRuns);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _log($"worker {workerId}: heartbeat failed: {e.Message}");
        }
    }
}
