using System.Xml.Linq;
using HpProxy.Core.Proxies;

namespace HpProxy.Reports.Tests;

public sealed class ReportBuilderTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private ReportResult Result => fixture.Result;

    [Fact]
    public void WritesHtmlMarkdownCsvAndFigures()
    {
        Assert.True(File.Exists(Result.IndexHtml));
        Assert.True(File.Exists(Result.ReportMarkdown));
        Assert.True(File.Exists(Result.CorrelationsCsv));
        Assert.Equal("index.html", Path.GetFileName(Result.IndexHtml));
        Assert.Equal("report.md", Path.GetFileName(Result.ReportMarkdown));
        Assert.Equal("correlations.csv", Path.GetFileName(Result.CorrelationsCsv));
        Assert.All(Result.Figures, f => Assert.True(File.Exists(f), f));
        // 1 heatmap, 1 winner's-curse overview, and for each of 2 algorithms 3 scatters, selection, budget, early stopping,
        // winner's curse and 3 sensitivity figures.
        Assert.Equal(1 + 1 + 2 * (3 + 1 + 1 + 1 + 1 + 3), Result.Figures.Count / 2);
        Assert.Equal(Result.Figures.Count(f => f.EndsWith(".png", StringComparison.Ordinal)), Result.Figures.Count(f => f.EndsWith(".svg", StringComparison.Ordinal)));
    }

    [Fact]
    public void PngFiguresAreRealImages()
    {
        byte[] magic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        foreach (string png in Result.Figures.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
        {
            byte[] bytes = File.ReadAllBytes(png);
            Assert.True(bytes.AsSpan(0, 8).SequenceEqual(magic), png);
            Assert.True(bytes.Length > 8_000, $"{png} is only {bytes.Length} bytes");
        }
    }

    [Fact]
    public void SvgFiguresParseAsXmlWithText()
    {
        foreach (string svg in Result.Figures.Where(f => f.EndsWith(".svg", StringComparison.Ordinal)))
        {
            var doc = XDocument.Load(svg);
            Assert.Equal("svg", doc.Root!.Name.LocalName);
        }
        string scatter = File.ReadAllText(Result.Figures.Single(f => f.EndsWith("scatter__pendulum__synthetic-10__bc__state_wasserstein.svg", StringComparison.Ordinal)));
        Assert.Contains("lower is better", scatter);
        Assert.Contains("Spearman", scatter);
        Assert.Contains("unit-study", scatter); // provenance footer
    }

    [Fact]
    public void HeatmapSvgDrawsItsCellsAsVectors()
    {
        // One filled rectangle per proxy × algorithm cell (a bitmap heatmap would be dropped by the SVG backend).
        var svg = XDocument.Load(Result.Figures.Single(f => f.EndsWith("heatmap__pendulum__synthetic-10.svg", StringComparison.Ordinal)));
        int filled = svg.Descendants().Count(e => e.Name.LocalName == "rect" && ((string?)e.Attribute("fill"))?.StartsWith('#') == true);
        Assert.True(filled >= 3 * 2, $"{filled} filled cells");
        Assert.Contains("1.00", svg.ToString());
    }

    [Fact]
    public void WinnersCurseFiguresAreWrittenAndShownInTheirSection()
    {
        foreach (string algorithm in new[] { "bc", "gail" })
        {
            string name = $"winners-curse__pendulum__synthetic-10__{algorithm}";
            foreach (string ext in new[] { ".png", ".svg" })
            {
                string file = Result.Figures.Single(f => f.EndsWith(name + ext, StringComparison.Ordinal));
                Assert.True(new FileInfo(file).Length > 8_000, file);
            }
            string svg = File.ReadAllText(Result.Figures.Single(f => f.EndsWith(name + ".svg", StringComparison.Ordinal)));
            Assert.Contains("normalised return (0 random, 1 demonstrator)", svg);
            Assert.Contains("selection seeds (1 seed)", svg);
            Assert.Contains("fresh seeds (1 seed)", svg);
            Assert.Contains("seed split", svg);
            Assert.Contains("unit-study", svg); // provenance footer

            // Linked (Markdown) and embedded (HTML) in the winner's-curse section, after its table.
            string md = File.ReadAllText(Result.ReportMarkdown);
            string section = md[md.IndexOf("## Winner's curse", StringComparison.Ordinal)..md.IndexOf("## Hyperparameter sensitivity", StringComparison.Ordinal)];
            Assert.Contains($"](figures/{name}.svg)", section);
            Assert.Contains($"[PNG](figures/{name}.png)", section);
            Assert.True(section.IndexOf("| seed split |", StringComparison.Ordinal) < section.IndexOf($"figures/{name}", StringComparison.Ordinal));
            Assert.Contains("seed split (no follow-up study)", section);
            string html = File.ReadAllText(Result.IndexHtml);
            string htmlSection = html[html.IndexOf("id=\"winners-curse\"", StringComparison.Ordinal)..html.IndexOf("id=\"sensitivity\"", StringComparison.Ordinal)];
            Assert.Contains($"<img src=\"figures/{name}.svg\"", htmlSection);
            // The overview of all groups comes first.
            Assert.True(section.IndexOf("figures/winners-curse__overview.svg", StringComparison.Ordinal) < section.IndexOf($"figures/{name}", StringComparison.Ordinal));
        }
        string overview = File.ReadAllText(Result.Figures.Single(f => f.EndsWith("winners-curse__overview.svg", StringComparison.Ordinal)));
        Assert.Contains("pendulum · synthetic-10 · gail", overview);
        Assert.Contains("seed split in every group", overview);
        Assert.Contains("unit-study", overview);
    }

    [Fact]
    public void CsvHasHeaderAndOneRowPerGroupAndProxy()
    {
        string[] lines = File.ReadAllLines(Result.CorrelationsCsv);
        Assert.Equal("task,demonstrations,algorithm,proxy,direction,spearman,spearman_low,spearman_high,kendall,kendall_low,kendall_high,n", lines[0]);
        Assert.Equal(2 * 3, lines.Length - 1);
        var swBc = lines.Single(l => l.StartsWith("pendulum,synthetic-10,bc,state_wasserstein,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("lower", swBc[4]);
        Assert.Equal("1.000000", swBc[5]); // a perfect lower-is-better proxy correlates +1 after orientation
        Assert.Equal("10", swBc[11]);     // the failed run's configuration is not counted
    }

    [Fact]
    public void HtmlIsSelfContainedAndReferencesFiguresRelatively()
    {
        string html = File.ReadAllText(Result.IndexHtml);
        Assert.Contains("<style>", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script", html);
        foreach (string f in Result.Figures.Where(f => f.EndsWith(".svg", StringComparison.Ordinal)))
        {
            Assert.Contains("src=\"figures/" + Path.GetFileName(f) + "\"", html);
        }
    }

    [Fact]
    public void ReportCountsAndListsFailuresWithReasons()
    {
        string md = File.ReadAllText(Result.ReportMarkdown);
        Assert.Contains("1 failed run(s) of 42", md);
        Assert.Contains("diverged: NaN in critic loss at step 1200", md);
        Assert.Contains("failed 1", md);
        Assert.Contains("pending 1", md);
    }

    [Fact]
    public void HeadlineNamesTheBestProxyPerAlgorithm()
    {
        Assert.Equal(2, Result.Headline.Count);
        Assert.StartsWith("bc with synthetic-10 demonstrations: state_wasserstein correlates best", Result.Headline[0]);
        Assert.StartsWith("gail with synthetic-10 demonstrations: state_wasserstein correlates best", Result.Headline[1]);
        Assert.Contains("weakest is action_mse", Result.Headline[0]);
        string html = File.ReadAllText(Result.IndexHtml);
        Assert.Contains("state_wasserstein correlates best", html);
    }

    /// <summary>The registry's wording of each proxy is masked: it belongs to Core and may be reworded there
    /// without changing anything this report computes.</summary>
    [Fact]
    public void MarkdownMatchesSnapshot()
    {
        string md = File.ReadAllText(Result.ReportMarkdown);
        foreach (var info in ProxyRegistry.All)
        {
            md = md.Replace("| " + Reports.Output.MarkdownWriter.E(info.Reads.ToString()) + " | " + Reports.Output.MarkdownWriter.E(info.Description) + " |",
                "| (registry reads) | (registry description) |", StringComparison.Ordinal);
        }
        Snapshot.AssertMatches("report.md", md);
    }
}
