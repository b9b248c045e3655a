using System.Net;
using System.Text.Json;
using HpProxy.Core.Agents;

namespace HpProxy.Dashboard.Tests.Api;

public sealed class ApiTests
{
    private static async Task<JsonElement> Json(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task StatusHasTheFieldsOfStatusJson()
    {
        await using var host = await TestHost.StartAsync(SampleStudy.Create());
        var s = await Json(host.Client, "/api/status");
        Assert.Equal(["study", "total", "pending", "running", "stalled", "succeeded", "failed", "cancelled", "workers", "eta_seconds"],
            s.EnumerateObject().Select(p => p.Name));
        Assert.Equal("demo-study", s.GetProperty("study").GetString());
        Assert.Equal(16, s.GetProperty("total").GetInt32());
        Assert.Equal(6, s.GetProperty("succeeded").GetInt32());
        Assert.Equal(1, s.GetProperty("failed").GetInt32());
        Assert.Equal(1, s.GetProperty("running").GetInt32());
        Assert.Equal(8, s.GetProperty("pending").GetInt32());
        Assert.Equal(0, s.GetProperty("cancelled").GetInt32());
        Assert.Equal(1, s.GetProperty("workers").GetInt32());
        // Mean wall 10 s × 9 runs left / 1 worker (the formula of `hpproxy status`).
        Assert.Equal(90.0, s.GetProperty("eta_seconds").GetDouble());
    }

    [Fact]
    public async Task A_running_run_whose_lease_expired_counts_as_stalled_not_running()
    {
        var store = SampleStudy.Create();
        string running = store.GetRuns().Single(r => r.State == RunState.Running).RunId;
        store.SetLease(running, DateTimeOffset.UtcNow.AddMinutes(-5));
        await using var host = await TestHost.StartAsync(store);
        var s = await Json(host.Client, "/api/status");
        Assert.Equal(0, s.GetProperty("running").GetInt32());
        Assert.Equal(1, s.GetProperty("stalled").GetInt32());
        Assert.Equal(8, s.GetProperty("pending").GetInt32());
    }

    [Fact]
    public async Task StatusFollowsTheStoreAsRunsFinish()
    {
        var store = SampleStudy.Create();
        await using var host = await TestHost.StartAsync(store);
        Assert.Equal(6, (await Json(host.Client, "/api/status")).GetProperty("succeeded").GetInt32());
        store.SetState("gail-c0-s1", RunState.Succeeded, wall: 10);
        store.SetState("gail-c1-s0", RunState.Succeeded, wall: 10);
        var s = await Json(host.Client, "/api/status");
        Assert.Equal(8, s.GetProperty("succeeded").GetInt32());
        Assert.Equal(7, s.GetProperty("pending").GetInt32() + s.GetProperty("running").GetInt32());
    }

    [Fact]
    public async Task OverviewHasGroupsAndWorkers()
    {
        await using var host = await TestHost.StartAsync(SampleStudy.Create());
        var o = await Json(host.Client, "/api/overview");
        var groups = o.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(2, groups.Count);
        Assert.Equal("bc", groups[0].GetProperty("algorithm").GetString());
        Assert.Equal(8, groups[0].GetProperty("total").GetInt32());
        Assert.Equal(6, groups[0].GetProperty("succeeded").GetInt32());
        Assert.Equal(1, groups[0].GetProperty("failed").GetInt32());
        var worker = o.GetProperty("worker_list")[0];
        Assert.Equal("w1", worker.GetProperty("worker_id").GetString());
        Assert.Equal(4242, worker.GetProperty("process_id").GetInt32());
        Assert.False(o.GetProperty("report_available").GetBoolean());
        Assert.Equal(0, o.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Overview_warns_of_finished_runs_trained_with_other_defaults()
    {
        await using var host = await TestHost.StartAsync(SampleStudy.Create().WithARunOfAnotherDefault());
        var warning = Assert.Single((await Json(host.Client, "/api/overview")).GetProperty("warnings").EnumerateArray()).GetString();
        Assert.StartsWith($"warning: 1 finished run was trained with other defaults than this code has: bc batch_size 17 → {SampleStudy.BcDefaultBatchSize} (1 run).",
            warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunDetailHasTheWholeTrainedConfigurationWhenRecorded()
    {
        await using var host = await TestHost.StartAsync(SampleStudy.Create().WithARunOfAnotherDefault());
        var trained = (await Json(host.Client, "/api/runs/bc-old")).GetProperty("trained");
        Assert.Equal(17, trained.GetProperty("batch_size").GetInt32());
        Assert.Equal(0.002, trained.GetProperty("learning_rate").GetDouble(), 12);
        Assert.Equal(AlgorithmRegistry.Find("bc")!.Hyperparameters.Count, trained.EnumerateObject().Count());
        Assert.Equal(JsonValueKind.Null, (await Json(host.Client, "/api/runs/bc-c1-s0")).GetProperty("trained").ValueKind);
    }

    [Fact]
    public async Task FailuresCarryReasons()
    {
        await using var host = await TestHost.StartAsync(SampleStudy.Create());
        var f = (await Json(host.Client, "/api/failures")).EnumerateArray().Single();
        Assert.Equal("bc-c3-s0", f.GetProperty("run_id").GetString());
        Assert.Equal("diverged: <NaN> & exploded", f.GetProperty("error").GetString());
    }

    [Fact]
    public async Task RunsArePagedAndFiltered()
    {
        await using var host = await TestHost.StartAsync(SampleStudy.Create());
        var page = await Json(host.Client, "/api/runs?state=pending&skip=2&take=3");
        Assert.Equal(8, page.GetProperty("total").GetInt32());
        Assert.Equal(3, page.GetProperty("runs").GetArrayLength());
        Assert.All(page.GetProperty("runs").EnumerateArray(), r => Assert.Equal("pending", r.GetProperty("state").GetString()));
        var bad = await host.Client.GetAsync("/api/runs?state=exploded");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task RunDetailHasHyperparametersCheckpointsAndProxies()
    {
        await using var host = await TestHost.StartAsync(SampleStudy.Create());
        var r = await Json(host.Client, "/api/runs/bc-c1-s0");
        Assert.Equal("succeeded", r.GetProperty("run").GetProperty("state").GetString());
        Assert.Equal(0.002, r.GetProperty("hyperparameters").GetProperty("learning_rate").GetDouble(), 12);
        Assert.Equal("relu", r.GetProperty("hyperparameters").GetProperty("activation").GetString());
        var cps = r.GetProperty("checkpoints").EnumerateArray().ToList();
        Assert.Equal(2, cps.Count);
        Assert.Equal(0.5, cps[1].GetProperty("normalized_score").GetDouble(), 12);
        Assert.Equal(0.5, cps[1].GetProperty("proxies").GetProperty("state_wasserstein").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, cps[1].GetProperty("proxies").GetProperty("action_mse").ValueKind); // NaN → null
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/runs/nope")).StatusCode);
    }

    [Fact]
    public async Task PointsAreConfigurationMeansWithOrientedCorrelations()
    {
        await using var host = await TestHost.StartAsync(SampleStudy.Create());
        var p = await Json(host.Client, "/api/points");
        Assert.Equal("lower", p.GetProperty("directions").GetProperty("state_wasserstein").GetString());
        var bc = p.GetProperty("groups")[0];
        Assert.Equal("bc", bc.GetProperty("algorithm").GetString());
        Assert.Equal(3, bc.GetProperty("points").GetArrayLength()); // c0..c2 fully succeeded (6 runs)
        Assert.Equal("c0", bc.GetProperty("points")[0].GetProperty("config_id").GetString());
        var corr = bc.GetProperty("correlations").GetProperty("state_wasserstein");
        Assert.Equal(1.0, corr.GetProperty("spearman").GetDouble(), 12);
        Assert.Equal(3, corr.GetProperty("n").GetInt32());
    }
}
