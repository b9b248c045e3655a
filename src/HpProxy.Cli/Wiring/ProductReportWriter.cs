using HpProxy.Scheduling;
using HpProxy.Storage;

namespace HpProxy.Cli.Wiring;

/// <summary>The report of <see cref="StudyReports.Build"/> with the study file's analysis settings (and its
/// follow-up study, if any), in <c>&lt;results&gt;/&lt;study&gt;/report/</c> (index.html, report.md,
/// correlations.csv, figures/).</summary>
public sealed class ProductReportWriter(string codeVersion) : IReportWriter
{
    public const string Folder = "report";

    public string Build(IStudyStore store, StudyLocation location) =>
        StudyReports.Build(store, location, StudyStoreOpener.Instance, codeVersion).IndexHtml;
}
