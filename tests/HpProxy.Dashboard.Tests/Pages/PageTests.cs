using System.Net;
using HpProxy.Scheduling;
using HpProxy.Scheduling.Queueing;

namespace HpProxy.Dashboard.Tests.Pages;

public sealed class PageTests
{
    private const string Evil = "<script>alert(1)</script>";

    [Fact]
    public async Task NamesWithMarkupAreEscapedOnEveryPage()
    {
        var store = SampleStudy.Create(task: Evil);
        await using var host = await TestHost.StartAsync(store, study: "<b>study</b>");
        foreach (string url in new[] { "/", "/failures", "/runs", "/runs/bc-c3-s0", "/runs/bc-c0-s0", "/scatter" })
        {
            var response = await host.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/html", response.Content.Headers.ContentType!.ToString());
            string html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<b>study</b>", html);
            Assert.Contains("&lt;b&gt;study&lt;/b&gt;", html);
        }
        string failures = await host.Client.GetStringAsync("/failures");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", failures);
        Assert.Contains("diverged: &lt;NaN&gt; &amp; exploded", failures);
    }

    [Fact]
    public async Task RunPageShowsHyperparametersAndCheckpoints()
    {
        await using var host = await TestHost.StartAsync(SampleStudy.Create());
        string html = await host.Client.GetStringAsync("/runs/bc-c1-s0");
        Assert.Contains("learning_rate", html);
        Assert.Contains("state_wasserstein", html);
        Assert.Contains("id=\"checkpoints\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/runs/none")).StatusCode);
    }

    [Fact]
    public async Task RunPageSaysWhichValuesTheStudyFileSetAndWhichAreDefaults()
    {
        await using var host = await TestHost.StartAsync(SampleStudy.Create().WithARunOfAnotherDefault());
        string html = await host.Client.GetStringAsync("/runs/bc-old");
        Assert.Contains("<th>set by</th>", html);
        Assert.Contains("<td>learning_rate</td><td>0.002</td><td>study file</td>", html);
        Assert.Contains("<td>batch_size</td><td>17</td><td><span class=\"muted\">default</span></td>", html);
    }

    [Fact]
    public async Task PagesLoadNothingFromTheNetwork()
    {
        await using var host = await TestHost.StartAsync(SampleStudy.Create());
        foreach (string url in new[] { "/", "/scatter" })
        {
            string html = await host.Client.GetStringAsync(url);
            Assert.DoesNotContain("src=\"http", html);
            Assert.DoesNotContain("href=\"http", html);
            Assert.Contains("<script src=\"/app.js\"></script>", html);
        }
        string js = await host.Client.GetStringAsync("/app.js");
        Assert.DoesNotContain("innerHTML", js);
        // The only absolute URL is the SVG namespace name, which is never fetched.
        Assert.Equal(["http://www.w3.org/2000/svg"], System.Text.RegularExpressions.Regex.Matches(js, "https?://[^\"]+").Select(m => m.Value).Distinct());
    }

    [Fact]
    public async Task ReportFolderIsServedAndConfined()
    {
        string dir = Path.Combine(Path.GetTempPath(), "hpproxy-dash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "report", "figures"));
        try
        {
            File.WriteAllText(Path.Combine(dir, "report", "index.html"), "<html>report</html>");
            File.WriteAllText(Path.Combine(dir, "report", "figures", "a.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
            File.WriteAllText(Path.Combine(dir, "secret.html"), "secret");
            await using var host = await TestHost.StartAsync(SampleStudy.Create(), reportDirectory: Path.Combine(dir, "report"));
            Assert.Equal("<html>report</html>", await host.Client.GetStringAsync("/report/index.html"));
            var svg = await host.Client.GetAsync("/report/figures/a.svg");
            Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
            Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/report/%2e%2e/secret.html")).StatusCode);
            Assert.Null(ReportFiles.Resolve(Path.Combine(dir, "report"), "../secret.html"));
            Assert.Null(ReportFiles.Resolve(Path.Combine(dir, "report"), "figures/../../secret.html"));
            Assert.Null(ReportFiles.Resolve(Path.Combine(dir, "report"), "study.db"));
            Assert.True((await host.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/overview")).GetProperty("report_available").GetBoolean());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task HangfireDashboardIsServedFromTheStudysStorage()
    {
        string root = Path.Combine(Path.GetTempPath(), "hpproxy-dash-" + Guid.NewGuid().ToString("N"));
        try
        {
            var location = StudyLocation.Create(root, "hf-study");
            var storage = HangfireStorageFactory.Create(location, new SchedulingOptions());
            await using var host = await TestHost.StartAsync(SampleStudy.Create(), hangfire: storage);
            var response = await host.Client.GetAsync("/hangfire");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("HpProxy", await response.Content.ReadAsStringAsync());
            Assert.True(File.Exists(location.HangfireDatabasePath));
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file briefly; a leftover temp folder is harmless.
            }
        }
    }
}
