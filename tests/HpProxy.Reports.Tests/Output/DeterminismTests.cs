namespace HpProxy.Reports.Tests.Output;

public sealed class DeterminismTests
{
    [Fact]
    public void SameRowsGiveSameCsvMarkdownAndHtmlBytes()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        var options = ReportFixture.Options with { Figures = false, B = 50 };
        var ra = ReportBuilder.Build(StudyData.Create(), a.Path, options);
        var rb = ReportBuilder.Build(StudyData.Create(), b.Path, options);
        Assert.Equal(File.ReadAllBytes(ra.CorrelationsCsv), File.ReadAllBytes(rb.CorrelationsCsv));
        Assert.Equal(File.ReadAllBytes(ra.ReportMarkdown), File.ReadAllBytes(rb.ReportMarkdown));
        Assert.Equal(File.ReadAllBytes(ra.IndexHtml), File.ReadAllBytes(rb.IndexHtml));
    }

    [Fact]
    public void AnotherSeedChangesTheBootstrapIntervals()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        var options = ReportFixture.Options with { Figures = false, B = 50 };
        var ra = ReportBuilder.Build(StudyData.Create(), a.Path, options);
        var rb = ReportBuilder.Build(StudyData.Create(), b.Path, options with { Seed = 7 });
        Assert.NotEqual(File.ReadAllText(ra.CorrelationsCsv), File.ReadAllText(rb.CorrelationsCsv));
    }
}
