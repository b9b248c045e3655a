using HpProxy.Core.Analysis;
using HpProxy.Core.Proxies;

namespace HpProxy.Reports.Model;

/// <summary>Everything a report shows, computed once from stored rows; the writers (CSV, Markdown, HTML,
/// figures) only format it.</summary>
public sealed record ReportModel(
    Provenance Provenance,
    ReportOptions Options,
    IReadOnlyDictionary<string, ProxyDirection> Directions,
    IReadOnlyList<string> UnknownDirections,
    IReadOnlyList<ConfigPoint> Points,
    AnalysisViews Analysis,
    IReadOnlyList<FailureView> Failures,
    IReadOnlyList<string> Headline)
{
    public IEnumerable<ReportGroup> Groups => Points.Select(p => p.Group).Distinct().Order();

    /// <summary>The settings the analysis ran with (<see cref="ReportOptions.EffectiveSettings"/>).</summary>
    public AnalysisSettings Settings => Options.EffectiveSettings();

    /// <summary>The analysis's own records (what <c>hpproxy analyze --json</c> prints); null only for hand-made models.</summary>
    public StudyAnalysis? Raw { get; init; }

    /// <summary>Name of the follow-up study whose fresh seeds the winner's curse uses; null for the seed split.</summary>
    public string? FollowUpStudy { get; init; }
}
