using System.Text;
using System.Text.Json;
using HpProxy.Cli.Output;
using HpProxy.Cli.Parsing;
using HpProxy.Storage;

namespace HpProxy.Cli.Commands;

/// <summary><c>hpproxy status &lt;study&gt; [--json]</c>: run counts by state, live workers, time left, recent failures.
/// "running" counts runs under a live lease; runs left running by a dead worker whose lease expired are "stalled".</summary>
internal static class StatusCommand
{
    public static int Execute(ParsedCommand cmd, CliContext ctx)
    {
        var location = CliContext.Locate(cmd, cmd.Positional(0));
        using var store = ctx.OpenExisting(location);
        var p = store.GetProgress();
        var workers = store.GetWorkers(ctx.Services.Scheduling.WorkerAliveWithin);
        var runs = store.GetRuns();
        double? eta = EstimateSeconds(p, runs, workers.Count);
        if (cmd.Flag("json"))
        {
            ctx.Out.WriteLine(Json(location.StudyName, p, workers.Count, eta));
            return ExitCodes.Ok;
        }
        ctx.Out.WriteLine($"study {location.StudyName} ({location.StudyDirectory})");
        ctx.Out.WriteLine($"runs: {p.Total} total | succeeded {p.Succeeded} | running {p.LiveRunning} | failed {p.Failed} | pending {p.Pending} | cancelled {p.Cancelled}"
            + (p.Stalled > 0 ? $" | stalled {p.Stalled}" : ""));
        if (p.Stalled > 0)
        {
            // Left in state running by a worker that died (kill -9, reboot): nobody works on them, and they are not
            // lost either. The next job a worker takes claims them first (plan order), so they are redone first.
            ctx.Out.WriteLine($"stalled: {p.Stalled} run(s) whose worker is gone (lease expired); redone first by the next free worker"
                + (workers.Count == 0 ? $" (none alive: hpproxy resume {CliContext.StudyArguments(location)})" : ""));
        }
        if (RunDefaultsCheck.Warning(runs) is { } changedDefaults) ctx.Out.WriteLine(changedDefaults);
        ctx.Out.WriteLine($"workers alive: {workers.Count}");
        foreach (var w in workers.OrderBy(w => w.WorkerId, StringComparer.Ordinal))
        {
            ctx.Out.WriteLine($"  {w.WorkerId} {(w.CurrentRunId is null ? "idle" : "running " + w.CurrentRunId)}");
        }
        ctx.Out.WriteLine($"time left: {(eta is { } s ? DurationText.Format(TimeSpan.FromSeconds(s)) : p.Pending + p.Running == 0 ? "none (done)" : "unknown")}");
        var failed = runs.Where(r => r.State == RunState.Failed).ToList();
        if (failed.Count > 0)
        {
            ctx.Out.WriteLine($"failed runs ({failed.Count}):");
            foreach (var r in failed.Take(10))
            {
                ctx.Out.WriteLine($"  {r.RunId} {r.Task}/{r.Demonstrations}/{r.Algorithm}/{r.ConfigId} seed {r.Seed}: {r.Error}");
            }
            if (failed.Count > 10) ctx.Out.WriteLine($"  ... and {failed.Count - 10} more (hpproxy export {location.StudyName} --csv DIR)");
        }
        return ExitCodes.Ok;
    }

    /// <summary>Time left from stored facts only (status has no history): the mean wall time of finished runs,
    /// times the runs left, shared by the live workers (one run each). Null when nothing finished yet or no
    /// worker is alive; 0 when the study is done.</summary>
    public static double? EstimateSeconds(StudyProgress p, IReadOnlyList<RunRecord> runs, int workers)
    {
        int left = p.Pending + p.Running;
        if (left == 0) return 0;
        var walls = runs.Where(r => r.State is RunState.Succeeded or RunState.Failed && r.WallSeconds is > 0)
            .Select(r => r.WallSeconds!.Value).ToList();
        if (walls.Count == 0 || workers == 0) return null;
        return Math.Round(walls.Average() * left / workers, 1);
    }

    public static string Json(string study, StudyProgress p, int workers, double? etaSeconds)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("study", study);
            w.WriteNumber("total", p.Total);
            w.WriteNumber("pending", p.Pending);
            // running: under a live lease; stalled: left running by a dead worker, lease expired (state running too).
            w.WriteNumber("running", p.LiveRunning);
            w.WriteNumber("stalled", p.Stalled);
            w.WriteNumber("succeeded", p.Succeeded);
            w.WriteNumber("failed", p.Failed);
            w.WriteNumber("cancelled", p.Cancelled);
            w.WriteNumber("workers", workers);
            if (etaSeconds is { } eta) w.WriteNumber("eta_seconds", eta);
            else w.WriteNull("eta_seconds");
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
