using HpProxy.Core.Analysis;
using HpProxy.Core.Proxies;
using HpProxy.Reports.Model;

namespace HpProxy.Reports.Analysis;

/// <summary>
/// The one place where the report meets the statistics. Figures, tables and the headline read only
/// <see cref="AnalysisViews"/>; swapping the interim computation for <c>Core.Analysis.StudyAnalysis</c> changes
/// this file alone.
/// </summary>
internal static class AnalysisSource
{
    /// <param name="rows">Checkpoint rows of succeeded runs.</param>
    /// <param name="points">Configurations (mean over seeds, last checkpoint).</param>
    /// <param name="directions">Direction of every proxy present in the rows.</param>
    public static AnalysisViews Compute(
        IReadOnlyList<CheckpointRow> rows,
        IReadOnlyList<ConfigPoint> points,
        IReadOnlyDictionary<string, ProxyDirection> directions,
        ReportOptions options) =>
        InterimAnalysis.Compute(rows, points, directions, options);
}
