namespace HpProxy.Scheduling.Tests.Fakes;

/// <summary>Short polling and idle timings so in-process workers on a real Hangfire queue finish in about a second.</summary>
public static class FastOptions
{
    public static readonly SchedulingOptions Scheduling = new()
    {
        QueuePollInterval = TimeSpan.FromMilliseconds(200),
        HeartbeatInterval = TimeSpan.FromMilliseconds(200),
        IdleExitAfter = TimeSpan.FromMilliseconds(500),
        ShutdownTimeout = TimeSpan.FromSeconds(5),
    };
}
