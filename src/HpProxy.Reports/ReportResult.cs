namespace HpProxy.Reports;

/// <summary>The files a report wrote, as absolute paths.</summary>
/// <param name="OutputDirectory">The report folder (<c>results/&lt;study&gt;/report/</c> for the CLI).</param>
/// <param name="IndexHtml">Self-contained HTML report.</param>
/// <param name="ReportMarkdown">The same content in Markdown.</param>
/// <param name="CorrelationsCsv">One row per task × demonstrations × algorithm × proxy.</param>
/// <param name="Figures">Every figure file (PNG and SVG), sorted.</param>
/// <param name="Headline">The headline answer in words, one line per algorithm and demonstration set.</param>
public sealed record ReportResult(
    string OutputDirectory,
    string IndexHtml,
    string ReportMarkdown,
    string CorrelationsCsv,
    IReadOnlyList<string> Figures,
    IReadOnlyList<string> Headline)
{
    /// <summary>The analysis's records behind the report (for <c>hpproxy analyze</c>'s summary and JSON).</summary>
    public Core.Analysis.StudyAnalysis? Analysis { get; init; }

    /// <summary>The follow-up study the winner's curse used, or null for the seed split.</summary>
    public string? FollowUpStudy { get; init; }
}
