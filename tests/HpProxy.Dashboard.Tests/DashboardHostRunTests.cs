using System.Net;
using System.Text.Json;

namespace HpProxy.Dashboard.Tests;

/// <summary>The CLI's entry point over a real SQLite study folder.</summary>
public sealed class DashboardHostRunTests
{
    [Fact]
    public void MissingStudyIsAnErrorNotAnEmptyStudy()
    {
        string root = Path.Combine(Path.GetTempPath(), "hpproxy-run-" + Guid.NewGuid().ToString("N"));
        var ex = Assert.Throws<ArgumentException>(() => DashboardHost.Run(root, "nope", "http://127.0.0.1:1", null, CancellationToken.None));
        Assert.Contains("no study 'nope'", ex.Message);
        Assert.False(Directory.Exists(Path.Combine(root, "nope")));
    }

    [Fact]
    public async Task ServesARealStudyUntilCancelled()
    {
        string root = Path.Combine(Path.GetTempPath(), "hpproxy-run-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var store = StudyStoreFactory.Open(root, "real"))
            {
                store.AddRuns([new PlannedRun("r1", "pendulum", "synthetic", "bc", "c0", 0, "{}"), new PlannedRun("r2", "pendulum", "synthetic", "bc", "c1", 0, "{}")]);
            }
            int port = TestHost.FreePort();
            using var cts = new CancellationTokenSource();
            var serving = Task.Run(() => DashboardHost.Run(root, "real", $"http://127.0.0.1:{port}", null, cts.Token));
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            JsonElement status = default;
            for (int attempt = 0; attempt < 100; attempt++)
            {
                try
                {
                    status = JsonDocument.Parse(await client.GetStringAsync("/api/status")).RootElement;
                    break;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100); // the server is still starting
                }
            }
            Assert.Equal(2, status.GetProperty("total").GetInt32());
            Assert.Equal(2, status.GetProperty("pending").GetInt32());
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/report/index.html")).StatusCode);
            cts.Cancel();
            await serving.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may hold the file a moment longer; a leftover temp folder is harmless.
            }
        }
    }
}
