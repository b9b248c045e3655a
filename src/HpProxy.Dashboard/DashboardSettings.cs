using Hangfire;
using HpProxy.Storage;

namespace HpProxy.Dashboard;

/// <summary>
/// Everything a dashboard needs, so tests can host one over an in-memory store and no Hangfire storage.
/// </summary>
/// <param name="StudyName">Shown in every page title.</param>
/// <param name="Store">The study database; the dashboard serialises its calls (one at a time) and owns it.</param>
/// <param name="Urls">Kestrel URLs, ';'-separated (default http://127.0.0.1:5100).</param>
/// <param name="Token">Access token; required for actions always and for everything on a non-loopback binding.</param>
/// <param name="ReportDirectory">Folder of the report (index.html, figures/), served under /report/.</param>
/// <param name="HangfireStorage">The study's Hangfire storage for /hangfire; null leaves /hangfire unmapped.</param>
public sealed record DashboardSettings(
    string StudyName,
    IStudyStore Store,
    string Urls,
    string? Token,
    string? ReportDirectory,
    JobStorage? HangfireStorage)
{
    /// <summary>Workers seen within this window count as alive (the scheduler's heartbeat window).</summary>
    public TimeSpan WorkerAliveWithin { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long computed views (progress, points) are reused before the store is read again: keeps a
    /// study of 10,000 runs responsive when several browser tabs poll.</summary>
    public TimeSpan CacheFor { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the scatter's configuration points are reused: rebuilding them reads every checkpoint row
    /// (≈ 0.3–1 s for 10,000 runs on a busy machine), and the scatter page refreshes every 5 s.</summary>
    public TimeSpan PointsCacheFor { get; init; } = TimeSpan.FromSeconds(5);

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
