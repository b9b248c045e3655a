using Microsoft.Playwright;

namespace HpProxy.Dashboard.Tests.Browser;

/// <summary>
/// The dashboard in a real browser (Playwright driving Debian's chromium, headless, no network): the overview
/// shows progress that advances as runs finish, the live scatter draws one dot per configuration, and the page
/// requests nothing but this server. Screenshots go to <c>artifacts/dashboard/</c>.
/// </summary>
public sealed class OverviewBrowserTests
{
    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    /// <summary><c>artifacts/dashboard/</c> at the repository root (where CI keeps its logs; ignored by git), or
    /// next to the test binary when the tests run outside a checkout.</summary>
    private static string Artifacts
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HpProxy.sln"))) dir = dir.Parent;
            string path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "dashboard");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ChromiumFlags,
        });
        return (playwright, browser);
    }

    [BrowserFact]
    public async Task ProgressAdvancesAsRunsFinish()
    {
        var store = SampleStudy.Create();
        await using var host = await TestHost.StartAsync(store);
        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
            var foreign = new List<string>();
            page.Request += (_, request) =>
            {
                if (!request.Url.StartsWith(host.BaseAddress.ToString(), StringComparison.Ordinal)) foreign.Add(request.Url);
            };
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);

            await page.GotoAsync(host.BaseAddress.ToString());
            await Assertions.Expect(page.Locator("#succeeded")).ToHaveTextAsync("6", new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("#groups tbody tr")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#worker-list tbody tr")).ToHaveCountAsync(1);
            string before = await page.Locator("#done-text").TextContentAsync() ?? "";
            Assert.StartsWith("7 of 16 runs finished", before);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "dashboard-overview-before.png"), FullPage = true });

            foreach (string id in new[] { "gail-c0-s1", "gail-c1-s0", "gail-c1-s1" }) store.SetState(id, RunState.Succeeded, wall: 10);
            await Assertions.Expect(page.Locator("#succeeded")).ToHaveTextAsync("9", new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("#done-text")).ToContainTextAsync("10 of 16 runs finished");
            string width = await page.Locator("#done-bar").EvaluateAsync<string>("e => e.style.width");
            Assert.Equal("62.5%", width);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "dashboard-overview.png"), FullPage = true });

            Assert.Empty(errors);
            Assert.Empty(foreign);
            Assert.True(new FileInfo(Path.Combine(Artifacts, "dashboard-overview.png")).Length > 10_000);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [BrowserFact]
    public async Task LiveScatterDrawsOneDotPerConfiguration()
    {
        await using var host = await TestHost.StartAsync(SampleStudy.Create(task: "<script>alert(1)</script>"));
        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 800 } });
            bool dialog = false;
            page.Dialog += (_, d) => dialog = true;
            await page.GotoAsync(host.BaseAddress + "scatter");
            // action_mse is NaN everywhere, so the page starts on the first proxy with values.
            await Assertions.Expect(page.Locator("#proxy")).ToHaveValueAsync("state_wasserstein", new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("#plot svg circle")).ToHaveCountAsync(3); // bc: c0..c2
            await Assertions.Expect(page.Locator("#stats")).ToContainTextAsync("Spearman ρ = 1.00");
            await page.Locator("#proxy").SelectOptionAsync("action_mse");
            await Assertions.Expect(page.Locator("#plot svg circle")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#plot svg")).ToContainTextAsync("no points");
            await page.Locator("#proxy").SelectOptionAsync("state_wasserstein");
            await Assertions.Expect(page.Locator("#group option").First).ToHaveTextAsync("<script>alert(1)</script> · synthetic · bc");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "dashboard-scatter.png"), FullPage = true });
            Assert.False(dialog, "a name with markup must not run as script");
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
