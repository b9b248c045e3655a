using HpProxy.Reports;
using HpProxy.Scheduling;
using HpProxy.Storage;

namespace HpProxy.Cli.Wiring;

/// <summary>The report of <see cref="ReportBuilder"/> with the default analysis settings, in
/// <c>&lt;results&gt;/&lt;study&gt;/report/</c> (index.html, report.md, correlations.csv, figures/).</summary>
public sealed class ProductReportWriter(string codeVersion) : IReportWriter
{
    public const string Folder = "report";

    public string Build(IStudyStore store, StudyLocation location) =>
        ReportBuilder.Build(store, Path.Combine(location.StudyDirectory, Folder), new ReportOptions { CodeVersion = codeVersion }).IndexHtml;
}
