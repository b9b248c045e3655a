namespace HpProxy.Scheduling.Coordination;

/// <summary>Starts worker processes for the coordinator (child processes in the product, fakes in tests).</summary>
public interface IWorkerLauncher
{
    /// <summary>Starts the worker of slot <paramref name="slot"/> (0-based; a respawn reuses its slot).</summary>
    IWorkerProcess Start(int slot);
}

/// <summary>A started worker.</summary>
public interface IWorkerProcess : IDisposable
{
    int ProcessId { get; }

    bool HasExited { get; }

    /// <summary>Exit code once exited (a killed process reports a signal code such as 137).</summary>
    int? ExitCode { get; }

    /// <summary>When it started (to tell a crash loop from a worker that ran for a while).</summary>
    DateTimeOffset StartedAt { get; }

    /// <summary>Asks it to stop gracefully (SIGTERM): it stops taking jobs and abandons its run, which is redone
    /// after its lease expires.</summary>
    void RequestStop();

    /// <summary>Stops it at once (SIGKILL).</summary>
    void Kill();

    /// <summary>Waits up to <paramref name="timeout"/>; true when it exited.</summary>
    bool WaitForExit(TimeSpan timeout);
}
