using System.Net;
using System.Net.Sockets;
using Hangfire;
using Microsoft.AspNetCore.Builder;

namespace HpProxy.Dashboard.Tests;

/// <summary>A dashboard on real Kestrel, on a free loopback port, with an HttpClient pointed at it.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }
    public HttpClient Client { get; }

    public static async Task<TestHost> StartAsync(FakeStudyStore store, string? token = null, string? reportDirectory = null, JobStorage? hangfire = null, string study = "demo-study")
    {
        int port = FreePort();
        string url = $"http://127.0.0.1:{port}";
        var settings = new DashboardSettings(study, store, url, token, reportDirectory, hangfire) { CacheFor = TimeSpan.Zero, PointsCacheFor = TimeSpan.Zero };
        var app = DashboardHost.Build(settings);
        await app.StartAsync();
        return new TestHost(app, new Uri(url));
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
