using System.Text;
using HpProxy.Dashboard.Api;
using HpProxy.Dashboard.Data;
using HpProxy.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static HpProxy.Dashboard.Pages.Html;

namespace HpProxy.Dashboard.Pages;

/// <summary>The HTML pages. The overview and the scatter are shells that app.js fills from the JSON API every few
/// seconds; failures and a run's page are rendered on the server.</summary>
internal static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app, StudyView view)
    {
        app.MapGet("/", () => HtmlResult(Page(view.StudyName, "Overview", "overview", OverviewBody())));
        app.MapGet("/failures", () => HtmlResult(Page(view.StudyName, "Failures", "failures", FailuresBody(view.Snapshot()))));
        app.MapGet("/runs", (string? state) => HtmlResult(Page(view.StudyName, "Runs", "runs", RunsBody(view.Snapshot(), state))));
        app.MapGet("/runs/{runId}", (string runId) =>
        {
            var run = view.Snapshot().Runs.FirstOrDefault(r => r.RunId == runId);
            return run is null
                ? Results.Content(Page(view.StudyName, "Run not found", "run", $"<p class=\"err\">No run {E(runId)}.</p>"), "text/html; charset=utf-8", Encoding.UTF8, 404)
                : HtmlResult(Page(view.StudyName, "Run " + run.RunId, "run", RunBody(run, DtoMapping.Detail(run, view.Checkpoints(runId)))));
        });
        app.MapGet("/scatter", () => HtmlResult(Page(view.StudyName, "Proxy vs oracle (live)", "scatter", ScatterBody())));
        app.MapGet("/app.js", () => Results.Text(Script.Source, "text/javascript; charset=utf-8"));
    }

    private static IResult HtmlResult(string html) => Results.Content(html, "text/html; charset=utf-8");

    private static string OverviewBody() => """
        <div class="cards">
        <div class="card">total<b id="total">–</b></div><div class="card">succeeded<b id="succeeded">–</b></div>
        <div class="card">running<b id="running">–</b></div><div class="card" title="marked running, lease expired: the worker died; claimed again first">stalled<b id="stalled">–</b></div><div class="card">pending<b id="pending">–</b></div>
        <div class="card">failed<b id="failed">–</b></div><div class="card">cancelled<b id="cancelled">–</b></div>
        <div class="card">workers<b id="workers">–</b></div><div class="card">runs/min<b id="rate">–</b></div>
        <div class="card">time left<b id="eta">–</b></div>
        </div>
        <p><div class="bar"><span id="done-bar" style="width:0%"></span></div><span class="muted" id="done-text">loading…</span></p>
        <div id="warnings"></div>
        <h2>Progress per task × demonstrations × algorithm</h2>
        <table id="groups"><thead><tr><th>task</th><th>demonstrations</th><th>algorithm</th><th>done</th><th>total</th><th>succeeded</th><th>running</th><th>pending</th><th>failed</th><th>cancelled</th></tr></thead><tbody></tbody></table>
        <h2>Live workers</h2>
        <table id="worker-list"><thead><tr><th>worker</th><th>pid</th><th>host</th><th>current run</th><th>last seen</th></tr></thead><tbody></tbody></table>
        <h2>Actions</h2>
        <p class="muted">Actions need the dashboard's token (started with --token).</p>
        <p><input type="password" id="token" placeholder="token" autocomplete="off">
        <button id="cancel">Cancel pending runs</button> <button id="retry">Retry failed runs</button> <span id="action-result"></span></p>
        <p class="muted" id="updated"></p>
        """;

    private static string ScatterBody() => """
        <p>Configuration (mean over seeds, last checkpoint of succeeded runs): proxy on x, normalised oracle score on y. Updates every 5 s.</p>
        <p><label>group <select id="group"></select></label> <label>proxy <select id="proxy"></select></label></p>
        <p id="stats" class="muted"></p>
        <div id="plot"></div>
        """;

    private static string FailuresBody(StudySnapshot s)
    {
        var failed = s.Runs.Where(r => r.State == RunState.Failed).OrderBy(r => r.Task, StringComparer.Ordinal)
            .ThenBy(r => r.Algorithm, StringComparer.Ordinal).ThenBy(r => r.RunId, StringComparer.Ordinal).ToList();
        if (failed.Count == 0) return "<p>No failed runs.</p>";
        return $"<p>{I(failed.Count)} failed run(s) of {I(s.Progress.Total)}.</p>" + Table(
            ["run", "task", "demonstrations", "algorithm", "configuration", "seed", "attempts", "reason"],
            failed.Select(r => new[] { RunLink(r.RunId), E(r.Task), E(r.Demonstrations), E(r.Algorithm), E(r.ConfigId), I(r.Seed), I(r.Attempts), $"<span class=\"err\">{E(r.Error)}</span>" }),
            "failures");
    }

    private static string RunsBody(StudySnapshot s, string? state)
    {
        var runs = s.Runs.Where(r => state is null || DtoMapping.State(r.State) == state).OrderBy(r => r.RunId, StringComparer.Ordinal).ToList();
        const int Shown = 500;
        var sb = new StringBuilder("<p>Filter: <a href=\"/runs\">all</a>");
        foreach (var st in Enum.GetValues<RunState>()) sb.Append(" · <a href=\"/runs?state=").Append(DtoMapping.State(st)).Append("\">").Append(DtoMapping.State(st)).Append("</a>");
        sb.Append("</p><p>").Append(I(runs.Count)).Append(" run(s)").Append(runs.Count > Shown ? $", first {I(Shown)} shown (all in /api/runs)" : "").Append(".</p>");
        sb.Append(Table(["run", "task", "demonstrations", "algorithm", "configuration", "seed", "state", "attempts", "wall s"],
            runs.Take(Shown).Select(r => new[] { RunLink(r.RunId), E(r.Task), E(r.Demonstrations), E(r.Algorithm), E(r.ConfigId), I(r.Seed), E(DtoMapping.State(r.State)), I(r.Attempts), Num(r.WallSeconds, "0.0") })));
        return sb.ToString();
    }

    private static string RunBody(RunRecord run, RunDetailDto detail)
    {
        var sb = new StringBuilder();
        sb.Append(Table(["field", "value"],
        [
            ["run", E(run.RunId)], ["task", E(run.Task)], ["demonstrations", E(run.Demonstrations)], ["algorithm", E(run.Algorithm)],
            ["configuration", E(run.ConfigId)], ["seed", I(run.Seed)], ["state", E(DtoMapping.State(run.State))], ["attempts", I(run.Attempts)],
            ["owner", E(run.Owner)], ["wall seconds", Num(run.WallSeconds, "0.0")], ["error", $"<span class=\"err\">{E(run.Error)}</span>"],
        ], "run"));
        sb.Append("<h2>Hyperparameters</h2>");
        if (detail.Trained is { } trained)
        {
            // The whole configuration the worker trained with: what the study file set, and the code's defaults.
            sb.Append(Table(["name", "value", "set by"], trained.Select(kv => new[]
            {
                E(kv.Key), E(Text(kv.Value)), detail.Hyperparameters.ContainsKey(kv.Key) ? "study file" : "<span class=\"muted\">default</span>",
            }), "hyperparameters"));
        }
        else
        {
            sb.Append(detail.Hyperparameters.Count == 0 ? "<p>(none in the spec)</p>" :
                Table(["name", "value"], detail.Hyperparameters.Select(kv => new[] { E(kv.Key), E(Text(kv.Value)) }), "hyperparameters"));
            sb.Append("<p class=\"muted\">Set by the study file; the defaults this run was trained with are recorded when it finishes (not for runs finished before that record existed).</p>");
        }
        sb.Append("<h2>Checkpoints (proxies and oracle)</h2>");
        var proxies = detail.Checkpoints.SelectMany(c => c.Proxies.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        sb.Append(detail.Checkpoints.Count == 0 ? "<p>(no checkpoint stored yet)</p>" :
            Table(new[] { "index", "step", "oracle return", "normalised score" }.Concat(proxies),
                detail.Checkpoints.Select(c => new[] { I(c.Index), c.Step.ToString(System.Globalization.CultureInfo.InvariantCulture), Num(c.OracleReturn), Num(c.NormalizedScore) }
                    .Concat(proxies.Select(p => Num(c.Proxies.TryGetValue(p, out var v) ? v : null, "0.####")))), "checkpoints"));
        sb.Append("<h2>Spec</h2><pre>").Append(E(run.SpecJson)).Append("</pre>");
        return sb.ToString();
    }

    private static string Text(object value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static string RunLink(string runId) => $"<a href=\"/runs/{E(Uri.EscapeDataString(runId))}\">{E(runId)}</a>";
}
