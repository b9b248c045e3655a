using System.Globalization;
using System.Reflection;

namespace HpProxy.Scheduling;

/// <summary>
/// Timing of the machinery, with defaults in one place. The study database's lease decides who runs what;
/// Hangfire only delivers (at least once, DESIGN.md "Hangfire storage"), so its own timeouts are generous.
/// </summary>
public sealed record SchedulingOptions
{
    /// <summary>Environment variable that shortens the lease, for tests and demos (seconds).</summary>
    public const string LeaseEnvironmentVariable = "HPPROXY_LEASE_SECONDS";

    /// <summary>How long a claim stays valid without renewal. A killed worker's run is redone about one lease
    /// later. 60 s: long enough that a GC pause or a busy disk never loses a live claim (renewed every lease/3).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Recorded with every run this process finishes (<c>runs.code_version</c>): the informational version
    /// (semver + git commit) every project of one build shares, so a study resumed with newer code says so.</summary>
    public string CodeVersion { get; init; } =
        typeof(SchedulingOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";

    /// <summary>Attempts a run gets before it is recorded as failed instead of claimed again. A graceful stop gives its
    /// attempt back, so only attempts whose worker process died count: a run that kills its worker every time (a
    /// native crash in MuJoCo, running out of memory) becomes a failure with its reason instead of taking a worker
    /// down for ever. 3: one kill -9 or reboot of a whole study costs an attempt, two in a row are rare.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Hangfire queue polling. Default 15 s in Hangfire.Storage.SQLite makes short studies idle; 1 s
    /// costs one indexed SELECT per worker per second (measured negligible, DESIGN.md).</summary>
    public TimeSpan QueuePollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Hangfire's own redelivery of a fetched job. Long on purpose: the coordinator re-enqueues
    /// expired leases itself, and Hangfire.Storage.SQLite never refreshes FetchedAt, so a short value would
    /// start long runs twice (DESIGN.md).</summary>
    public TimeSpan InvisibilityTimeout { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long a stopping worker waits for its jobs to observe cancellation.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Worker heartbeat into the study database (status shows workers seen within 3 intervals).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>A worker exits once the study has had no pending or running run for this long.</summary>
    public TimeSpan IdleExitAfter { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Coordinator loop period (re-enqueue expired leases, respawn workers, progress).</summary>
    public TimeSpan CoordinatorTick { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Renewal period: a third of the lease, so two renewals may fail before the claim can be lost.</summary>
    public TimeSpan RenewEvery => Lease / 3;

    /// <summary>Workers seen within this window count as alive.</summary>
    public TimeSpan WorkerAliveWithin => HeartbeatInterval * 3 + TimeSpan.FromSeconds(1);

    /// <summary>Defaults, with the lease taken from <see cref="LeaseEnvironmentVariable"/> when set.</summary>
    public static SchedulingOptions FromEnvironment()
    {
        var options = new SchedulingOptions();
        string? text = Environment.GetEnvironmentVariable(LeaseEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
            && seconds > 0)
        {
            options = options with { Lease = TimeSpan.FromSeconds(seconds) };
        }
        return options;
    }
}
