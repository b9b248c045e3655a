using System.Net;
using HpProxy.Dashboard.Security;

namespace HpProxy.Dashboard.Tests.Security;

public sealed class AccessTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5100", true)]
    [InlineData("http://localhost:5100", true)]
    [InlineData("http://[::1]:5100", true)]
    [InlineData("http://127.0.0.2:80", true)]
    [InlineData("http://0.0.0.0:5100", false)]
    [InlineData("http://*:5100", false)]
    [InlineData("http://+:5100", false)]
    [InlineData("http://[::]:5100", false)]
    [InlineData("http://192.168.1.20:5100", false)]
    [InlineData("http://example.org:5100", false)]
    public void LoopbackIsRecognised(string url, bool loopback) => Assert.Equal(loopback, Binding.IsLoopback(url));

    [Fact]
    public void NonLoopbackBindingNeedsAToken()
    {
        var ex = Assert.Throws<ArgumentException>(() => DashboardHost.Build(new DashboardSettings("s", SampleStudy.Create(), "http://0.0.0.0:5100", null, null, null)));
        Assert.Contains("--token", ex.Message);
        Assert.Throws<ArgumentException>(() => Binding.Validate("http://127.0.0.1:1;http://10.0.0.1:1", ""));
        Binding.Validate("http://0.0.0.0:5100", "secret"); // allowed with a token
    }

    [Fact]
    public async Task WithoutATokenReadsAreOpenAndActionsRefused()
    {
        var store = SampleStudy.Create();
        await using var host = await TestHost.StartAsync(store);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/")).StatusCode);
        var cancel = await host.Client.PostAsync("/api/cancel", null);
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Contains("--token", await cancel.Content.ReadAsStringAsync());
        Assert.Equal(8, store.GetProgress().Pending);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.PostAsync("/api/retry-failed", null)).StatusCode);
    }

    [Fact]
    public async Task WithATokenEveryRequestNeedsIt()
    {
        await using var host = await TestHost.StartAsync(SampleStudy.Create(), token: "s3cret");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/api/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(host, HttpMethod.Get, "/api/status", bearer: "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(host, HttpMethod.Get, "/api/status", bearer: "s3cret")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(host, HttpMethod.Get, "/api/status", header: "s3cret")).StatusCode);

        // A browser opens the page once with ?token=; the cookie then carries it (HttpOnly, SameSite=Strict).
        var first = await host.Client.GetAsync("/?token=s3cret");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        string cookie = first.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await Send(host, HttpMethod.Get, "/api/overview", cookie: "hpproxy_token=s3cret")).StatusCode);
    }

    [Fact]
    public async Task ActionsNeedTheTokenInAHeaderNotACookie()
    {
        var store = SampleStudy.Create();
        await using var host = await TestHost.StartAsync(store, token: "s3cret");
        var viaCookie = await Send(host, HttpMethod.Post, "/api/cancel", cookie: "hpproxy_token=s3cret");
        Assert.Equal(HttpStatusCode.Unauthorized, viaCookie.StatusCode);
        Assert.Equal(8, store.GetProgress().Pending);

        var cancel = await Send(host, HttpMethod.Post, "/api/cancel", header: "s3cret");
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Contains("\"affected\":8", await cancel.Content.ReadAsStringAsync());
        Assert.Equal(0, store.GetProgress().Pending);
        Assert.Equal(8, store.GetProgress().Cancelled);

        var retry = await Send(host, HttpMethod.Post, "/api/retry-failed", bearer: "s3cret");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(9, store.GetProgress().Pending); // 8 cancelled + 1 failed back to pending
        Assert.Equal(0, store.GetProgress().Failed);
    }

    [Fact]
    public async Task PagesCarrySecurityHeaders()
    {
        await using var host = await TestHost.StartAsync(SampleStudy.Create());
        var response = await host.Client.GetAsync("/");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    private static Task<HttpResponseMessage> Send(TestHost host, HttpMethod method, string url, string? bearer = null, string? header = null, string? cookie = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (bearer is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        if (header is not null) request.Headers.Add(TokenCheck.HeaderName, header);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return host.Client.SendAsync(request);
    }
}
