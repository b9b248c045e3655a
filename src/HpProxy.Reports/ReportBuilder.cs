using System.Text;
using HpProxy.Reports.Figures;
using HpProxy.Reports.Model;
using HpProxy.Reports.Output;
using HpProxy.Storage;

namespace HpProxy.Reports;

/// <summary>
/// Writes a study's report from stored rows only (SPEC.md §6): index.html, report.md, correlations.csv and
/// figures/*.png|svg under <c>outputDirectory</c>. Nothing is trained; re-running with other
/// <see cref="ReportOptions"/> (K, B, seed) re-analyses the same rows. No timestamps: same rows, same bytes.
/// </summary>
public static class ReportBuilder
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static ReportResult Build(IStudyStore store, string outputDirectory, ReportOptions options) =>
        Build(store, outputDirectory, options, followUp: null);

    /// <param name="followUp">The winner's-curse follow-up study, if it exists (see <see cref="ReportModelFactory.Create(IStudyStore, ReportOptions, IStudyStore?)"/>).</param>
    public static ReportResult Build(IStudyStore store, string outputDirectory, ReportOptions options, IStudyStore? followUp)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        ArgumentNullException.ThrowIfNull(options);
        if (options.K < 1) throw new ArgumentOutOfRangeException(nameof(options), "K must be at least 1");
        if (options.B < 1) throw new ArgumentOutOfRangeException(nameof(options), "B must be at least 1");
        if (options.Analysis?.Validate() is { Count: > 0 } problems) throw new ArgumentException(string.Join("; ", problems), nameof(options));

        string dir = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(dir);
        var model = ReportModelFactory.Create(store, options, followUp);

        string figuresDir = Path.Combine(dir, "figures");
        List<FigureRef> figures = [];
        List<string> files = [];
        if (options.Figures)
        {
            // Figures of an earlier report whose groups no longer exist must not linger next to the new ones.
            if (Directory.Exists(figuresDir)) Directory.Delete(figuresDir, recursive: true);
            (figures, files) = FigureWriter.WriteAll(model, figuresDir);
        }

        var doc = DocumentBuilder.Build(model, figures);
        string csv = Path.Combine(dir, "correlations.csv");
        string md = Path.Combine(dir, "report.md");
        string html = Path.Combine(dir, "index.html");
        File.WriteAllText(csv, CorrelationsCsv.Write(model.Analysis.Correlations), Utf8NoBom);
        File.WriteAllText(md, MarkdownWriter.Write(doc), Utf8NoBom);
        File.WriteAllText(html, HtmlWriter.Write(doc), Utf8NoBom);
        return new ReportResult(dir, html, md, csv, files, model.Headline) { Analysis = model.Raw, FollowUpStudy = model.FollowUpStudy };
    }
}
