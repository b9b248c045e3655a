// Responsiveness of the dashboard (and the report's run time) on a study of 10,000 runs held in memory.
// Usage: dotnet run -c Release --project bench/HpProxy.Dashboard.Bench [runs=10000] [--report DIR] [--figures]
// Prints median and 95th-percentile latency per endpoint, with the 1 s cache (several tabs polling) and cold
// (every request reads the store). Run by hand; numbers on a shared machine are noisy.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HpProxy.Core.Analysis;
using HpProxy.Core.Common;
using HpProxy.Dashboard;
using HpProxy.TestSupport;
using HpProxy.Reports;
using HpProxy.Storage;

// Serve a real study by hand (until the CLI's dashboard command exists):
//   dotnet run --project bench/HpProxy.Dashboard.Bench -- serve <results> <study> [urls] [token]
if (args.Length >= 3 && args[0] == "serve")
{
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    string urls = args.Length > 3 ? args[3] : DashboardHost.DefaultUrls;
    Console.WriteLine($"dashboard of {args[2]} on {urls} (Ctrl+C stops)");
    DashboardHost.Run(args[1], args[2], urls, args.Length > 4 ? args[4] : null, stop.Token);
    return;
}

int total = args.Length > 0 && int.TryParse(args[0], out int n) ? n : 10_000;
string? reportDir = args.SkipWhile(a => a != "--report").Skip(1).FirstOrDefault();
bool figures = args.Contains("--figures");
var store = Build(total);
Console.WriteLine($"study: {total} runs, {store.GetCheckpoints().Count} checkpoint rows, {store.GetRuns().Select(r => (r.Task, r.Demonstrations, r.Algorithm)).Distinct().Count()} groups");

if (reportDir is not null)
{
    var sw = Stopwatch.StartNew();
    var result = ReportBuilder.Build(store, reportDir, new ReportOptions { CodeVersion = "bench", Figures = figures });
    Console.WriteLine($"report ({(figures ? "with" : "without")} figures): {sw.Elapsed.TotalSeconds:0.0} s, {result.Figures.Count} figure files");
}

foreach (var cache in new[] { TimeSpan.FromSeconds(1), TimeSpan.Zero })
{
    int port = FreePort();
    var app = DashboardHost.Build(new DashboardSettings("bench", store, $"http://127.0.0.1:{port}", null, null, null) { CacheFor = cache, PointsCacheFor = cache == TimeSpan.Zero ? cache : TimeSpan.FromSeconds(5) });
    await app.StartAsync();
    using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    Console.WriteLine($"\ncache {(cache == TimeSpan.Zero ? "off (every request reads the store)" : "1 s, points 5 s")}\n  endpoint                 median ms   p95 ms   bytes");
    foreach (string url in new[] { "/api/status", "/api/overview", "/api/runs?take=100", "/api/failures", "/api/points", "/api/runs/run-00042", "/", "/failures", "/runs", "/runs/run-00042" })
    {
        await client.GetStringAsync(url); // warm-up (JIT, first read)
        var times = new List<double>();
        int bytes = 0;
        for (int i = 0; i < 30; i++)
        {
            var sw = Stopwatch.StartNew();
            bytes = (await client.GetByteArrayAsync(url)).Length;
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {url,-24} {times[times.Count / 2],9:0.0} {times[(int)(0.95 * (times.Count - 1))],8:0.0} {bytes,8}"));
    }
    await app.StopAsync();
    await app.DisposeAsync();
}

static int FreePort()
{
    var l = new TcpListener(IPAddress.Loopback, 0);
    l.Start();
    int p = ((IPEndPoint)l.LocalEndpoint).Port;
    l.Stop();
    return p;
}

// 4 tasks × 2 demonstration sets × 5 algorithms = 40 groups of 50 configurations × 5 seeds = 10,000 runs;
// 5 checkpoints and 6 proxies per run; 80% succeeded, 2% failed, 3% running, the rest pending.
static FakeStudyStore Build(int total)
{
    var rng = new Rng(7);
    string[] tasks = ["pendulum", "cartpole", "hopper", "walker"], demos = ["synthetic-20", "human-25"], algorithms = ["bc", "gail", "dac", "pwil", "sqil"];
    string[] proxies = ["action_mse", "state_wasserstein", "state_action_wasserstein", "rnd", "imitation_return", "bc_loss"];
    var runs = new List<RunRecord>(total);
    var rows = new List<CheckpointRow>(total * 5);
    for (int i = 0; i < total; i++)
    {
        int g = i / 250, c = i % 250 / 5, s = i % 5;
        string task = tasks[g % 4], demo = demos[g / 4 % 2], algorithm = algorithms[g / 8 % 5];
        string id = "run-" + i.ToString("00000", CultureInfo.InvariantCulture);
        double u = rng.NextDouble();
        var state = u < 0.80 ? RunState.Succeeded : u < 0.82 ? RunState.Failed : u < 0.85 ? RunState.Running : RunState.Pending;
        string spec = string.Create(CultureInfo.InvariantCulture, $$$"""{"hyperparameters":{"learning_rate":{{{Math.Pow(10, -5 + 3 * (c / 50.0))}}},"units":{{{64 << (c % 3)}}},"activation":"{{{(c % 2 == 0 ? "relu" : "tanh")}}}"}}""");
        runs.Add(new RunRecord(id, task, demo, algorithm, "c" + c.ToString("00", CultureInfo.InvariantCulture), s, state, null, null, 1,
            state == RunState.Failed ? "diverged: NaN in critic loss" : null, state is RunState.Succeeded or RunState.Failed ? 30 + 10 * rng.NextDouble() : null, spec));
        if (state is not (RunState.Succeeded or RunState.Failed)) continue;
        double q = rng.NextDouble();
        for (int k = 0; k < 5; k++)
        {
            double score = q * (k + 1) / 5 + 0.05 * rng.NextGaussian();
            var values = new Dictionary<string, double>();
            foreach (string p in proxies) values[p] = (p is "rnd" or "imitation_return" ? score : 1 - score) + 0.2 * rng.NextGaussian();
            rows.Add(new CheckpointRow(id, task, demo, algorithm, "c" + c.ToString("00", CultureInfo.InvariantCulture), s, k, 1000L * (k + 1), 100 * score, score, values));
        }
    }
    var study = new StudyInfo("bench", StableHash.Sha256Hex("bench"), "name: bench\n", "bench", DateTimeOffset.UnixEpoch);
    return new FakeStudyStore(study, runs, rows, [new WorkerInfo("w1", 1, "host", "run-00042", DateTimeOffset.UnixEpoch)]);
}
