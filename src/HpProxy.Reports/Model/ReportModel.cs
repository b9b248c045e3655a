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
}
