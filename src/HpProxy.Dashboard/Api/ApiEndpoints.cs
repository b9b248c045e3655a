using System.Text.Json;
using HpProxy.Dashboard.Data;
using HpProxy.Dashboard.Security;
using HpProxy.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HpProxy.Dashboard.Api;

/// <summary>The JSON API. Reads are open to whoever passed the dashboard's access rule; actions need the token in a
/// header (never a cookie) and are refused when the dashboard was started without one.</summary>
internal static class ApiEndpoints
{
    public const int MaxPage = 1000;

    public static void Map(IEndpointRouteBuilder app, StudyView view, TokenCheck tokens, Func<bool> reportAvailable)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/status", () => DtoMapping.Status(view.StudyName, view.Snapshot()));
        api.MapGet("/overview", () =>
        {
            var s = view.Snapshot();
            return new OverviewDto(
                DtoMapping.Status(view.StudyName, s),
                s.RunsPerMinute,
                s.Groups.Select(g => new GroupDto(g.Task, g.Demonstrations, g.Algorithm, g.Total, g.Pending, g.Running, g.Succeeded, g.Failed, g.Cancelled)).ToList(),
                s.Workers.OrderBy(w => w.WorkerId, StringComparer.Ordinal).Select(w => new WorkerDto(w.WorkerId, w.ProcessId, w.Host, w.CurrentRunId, w.LastSeen)).ToList(),
                reportAvailable(),
                RunDefaultsCheck.Warning(s.DefaultsDrift) is { } drift ? [drift] : []);
        });
        api.MapGet("/failures", () => view.Snapshot().Runs.Where(r => r.State == RunState.Failed).Select(DtoMapping.Failure).ToList());
        api.MapGet("/runs", (string? state, int? skip, int? take) =>
        {
            IEnumerable<RunRecord> runs = view.Snapshot().Runs;
            if (!string.IsNullOrEmpty(state))
            {
                if (!Enum.TryParse<RunState>(state, ignoreCase: true, out var wanted) || !Enum.IsDefined(wanted))
                {
                    return Results.BadRequest(new ErrorDto($"unknown state '{state}' (pending, running, succeeded, failed, cancelled)"));
                }
                runs = runs.Where(r => r.State == wanted);
            }
            var list = runs.ToList(); // the snapshot keeps runs in run-id order
            int s = Math.Max(0, skip ?? 0), t = Math.Clamp(take ?? 100, 1, MaxPage);
            return Results.Ok(new RunPageDto(list.Count, s, t, list.Skip(s).Take(t).Select(DtoMapping.Summary).ToList()));
        });
        api.MapGet("/runs/{runId}", (string runId) =>
        {
            var run = view.Snapshot().Runs.FirstOrDefault(r => r.RunId == runId);
            return run is null ? Results.NotFound(new ErrorDto("no such run")) : Results.Ok(DtoMapping.Detail(run, view.Checkpoints(runId)));
        });
        // The points' JSON (≈ 0.6 MB for 10,000 runs) is built and serialised only when the cached points change.
        (IReadOnlyList<Reports.Model.ConfigPoint> Points, byte[] Json)? pointsCache = null;
        var pointsGate = new Lock();
        api.MapGet("/points", (HttpContext context) =>
        {
            var points = view.Points();
            lock (pointsGate)
            {
                if (pointsCache is not { } c || !ReferenceEquals(c.Points, points))
                {
                    var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
                    pointsCache = (points, JsonSerializer.SerializeToUtf8Bytes(DtoMapping.Points(points), options));
                }
                return Results.Bytes(pointsCache.Value.Json, "application/json; charset=utf-8");
            }
        });

        api.MapPost("/cancel", (HttpRequest request) => Act(request, tokens, () =>
        {
            int n = view.With(store => store.CancelPending(), invalidate: true);
            return new ActionResultDto("cancel", n, $"{n} pending run(s) cancelled; running runs finish their current attempt");
        }));
        api.MapPost("/retry-failed", (HttpRequest request) => Act(request, tokens, () =>
        {
            int n = view.With(store => store.Requeue(includeFailed: true), invalidate: true);
            return new ActionResultDto("retry-failed", n, $"{n} failed or cancelled run(s) back to pending; a running coordinator picks them up, otherwise run 'hpproxy resume'");
        }));
    }

    private static IResult Act(HttpRequest request, TokenCheck tokens, Func<ActionResultDto> action)
    {
        if (!tokens.HasToken) return Results.Json(new ErrorDto("actions are disabled: start the dashboard with --token"), statusCode: StatusCodes.Status403Forbidden);
        if (!tokens.FromHeader(request)) return Results.Json(new ErrorDto("actions need the token in the Authorization: Bearer or X-HpProxy-Token header"), statusCode: StatusCodes.Status401Unauthorized);
        return Results.Ok(action());
    }
}
