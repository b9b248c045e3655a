using System.Text.Json;
using Hangfire;
using Hangfire.Dashboard;
using HpProxy.Dashboard.Api;
using HpProxy.Dashboard.Data;
using HpProxy.Dashboard.Pages;
using HpProxy.Dashboard.Security;
using HpProxy.Scheduling;
using HpProxy.Scheduling.Queueing;
using HpProxy.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HpProxy.Dashboard;

/// <summary>
/// <c>hpproxy dashboard &lt;study&gt;</c>: live progress, failures, runs, a live proxy-vs-oracle scatter, the
/// report's figures and Hangfire's dashboard, over the study database (the source of truth).
/// Access rules: loopback by default; a non-loopback binding needs a token, and then every request must carry it;
/// actions (cancel, retry) need the token in a header always.
/// </summary>
public static class DashboardHost
{
    public const string DefaultUrls = "http://127.0.0.1:5100";

    /// <summary>Opens the study under <paramref name="resultsRoot"/> and serves it until cancelled.</summary>
    /// <exception cref="ArgumentException">A non-loopback URL without a token, a bad study name, or no such study.</exception>
    public static void Run(string resultsRoot, string studyName, string urls, string? token, CancellationToken cancellationToken)
    {
        Binding.Validate(urls, token);
        var location = StudyLocation.Create(resultsRoot, studyName);
        if (location.Postgres is null && !File.Exists(Path.Combine(location.StudyDirectory, StudyStoreFactory.SqliteFileName)))
        {
            // Opening would create an empty study; a typo in the name should say so instead.
            throw new ArgumentException($"no study '{studyName}' under {location.ResultsRoot} (no {StudyStoreFactory.SqliteFileName})", nameof(studyName));
        }
        var scheduling = SchedulingOptions.FromEnvironment();
        var store = StudyStoreFactory.Open(location.ResultsRoot, location.StudyName, location.Postgres);
        JobStorage? hangfire = location.Postgres is not null || File.Exists(location.HangfireDatabasePath)
            ? HangfireStorageFactory.Create(location, scheduling)
            : null;
        var settings = new DashboardSettings(studyName, store, urls, token, Path.Combine(location.StudyDirectory, "report"), hangfire)
        {
            WorkerAliveWithin = scheduling.WorkerAliveWithin,
        };
        using var app = Build(settings);
        app.StartAsync(cancellationToken).GetAwaiter().GetResult();
        // Completes when the token is cancelled (Ctrl+C in the CLI) or the host stops, and then stops the server.
        app.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Builds the web application (not started) — what tests host on a free loopback port.</summary>
    public static WebApplication Build(DashboardSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Binding.Validate(settings.Urls, settings.Token);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DashboardHost).Assembly.GetName().Name });
        builder.WebHost.UseUrls(Binding.Split(settings.Urls).ToArray());
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = null;
        });
        if (settings.HangfireStorage is { } storage)
        {
            HangfireStorageFactory.ConfigureGlobal();
            builder.Services.AddHangfire(_ => { });
            builder.Services.AddSingleton(storage);
        }
        var view = new StudyView(settings);
        builder.Services.AddSingleton(view);

        var app = builder.Build();
        var tokens = new TokenCheck(settings.Token);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (!context.Request.Path.StartsWithSegments("/hangfire"))
            {
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
            }
            if (tokens.HasToken)
            {
                if (!tokens.FromHeaderCookieOrQuery(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.ContentType = "text/plain; charset=utf-8";
                    await context.Response.WriteAsync("This dashboard needs its token: open it once with ?token=... or send Authorization: Bearer ...");
                    return;
                }
                if (tokens.Matches(context.Request.Query["token"]))
                {
                    context.Response.Cookies.Append(TokenCheck.CookieName, settings.Token!, new CookieOptions
                    {
                        HttpOnly = true,
                        SameSite = SameSiteMode.Strict,
                        Secure = context.Request.IsHttps,
                        Path = "/",
                    });
                }
            }
            await next();
        });

        if (settings.HangfireStorage is { } jobStorage)
        {
            app.UseHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = [new HangfireDashboardAuthorization(tokens)],
                // Hangfire's own buttons (delete, requeue) only for a caller who proved the token in a header.
                IsReadOnlyFunc = ctx => !tokens.FromHeader(ctx.GetHttpContext().Request),
                DisplayStorageConnectionString = false,
                AppPath = "/",
                DashboardTitle = "HpProxy · " + settings.StudyName,
            }, jobStorage);
        }

        ApiEndpoints.Map(app, view, tokens, () => ReportFiles.Available(settings.ReportDirectory));
        PageEndpoints.Map(app, view);
        ReportFiles.Map(app, settings.ReportDirectory);
        app.Lifetime.ApplicationStopped.Register(view.Dispose);
        return app;
    }
}
