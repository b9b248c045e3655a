using HpProxy.Core.Analysis;
using HpProxy.Storage;

namespace HpProxy.Reports.Tests.Output;

public sealed class EscapingTests
{
    private const string Evil = "<script>alert('x')</script>|*bold*";

    [Fact]
    public void MaliciousTaskAndStudyNamesShowAsText()
    {
        var source = StudyData.Create(task: Evil, configs: 4, seeds: 1, algorithms: ["bc"]);
        var study = source.GetStudy()! with { Name = "<img src=x onerror=alert(1)>" };
        var store = new FakeStudyStore(study, source.GetRuns(), source.GetCheckpoints());
        using var dir = new TempDir();

        var result = ReportBuilder.Build(store, dir.Path, ReportFixture.Options with { B = 20, Figures = true });

        string html = File.ReadAllText(result.IndexHtml);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);

        string md = File.ReadAllText(result.ReportMarkdown);
        Assert.DoesNotContain("<script", md);
        Assert.Contains("&lt;script&gt;", md);
        Assert.Contains("\\|\\*bold\\*", md); // a pipe cannot break a table row

        string csv = File.ReadAllText(result.CorrelationsCsv);
        Assert.Contains(Evil, csv); // CSV keeps the raw name (quoted only when needed)

        // Figure files are named from safe characters only, never from the raw name.
        Assert.All(result.Figures, f => Assert.Matches("^[a-z0-9._-]+$", Path.GetFileName(f)));
    }

    [Fact]
    public void CsvQuotesCommasAndQuotes()
    {
        var source = StudyData.Create(task: "walker, \"v2\"", configs: 4, seeds: 1, algorithms: ["bc"], withFailure: false);
        using var dir = new TempDir();
        var result = ReportBuilder.Build(source, dir.Path, ReportFixture.Options with { B = 10, Figures = false });
        string[] lines = File.ReadAllLines(result.CorrelationsCsv);
        Assert.StartsWith("\"walker, \"\"v2\"\"\",synthetic-10,bc,", lines[1]);
    }

    [Fact]
    public void EmptyStudyStillWritesAReport()
    {
        var store = new FakeStudyStore(null, Array.Empty<RunRecord>(), Array.Empty<CheckpointRow>());
        using var dir = new TempDir();
        var result = ReportBuilder.Build(store, dir.Path, new ReportOptions { CodeVersion = "x" });
        Assert.Single(File.ReadAllLines(result.CorrelationsCsv));
        Assert.Contains("No succeeded configurations yet", File.ReadAllText(result.ReportMarkdown));
        Assert.Empty(result.Figures);
    }
}
