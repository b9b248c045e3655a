using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace HpProxy.Dashboard;

/// <summary>Serves the report folder (index.html, report.md, correlations.csv, figures/*.png|svg) under /report/.
/// Paths are resolved inside the folder only (no "..", no absolute paths, no symlink escape by prefix check), and
/// only report file types are served.</summary>
internal static class ReportFiles
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { ".html", ".md", ".csv", ".png", ".svg" };
    private static readonly FileExtensionContentTypeProvider Types = new();

    public static void Map(IEndpointRouteBuilder app, string? reportDirectory)
    {
        app.MapGet("/report", () => Results.Redirect("/report/index.html"));
        app.MapGet("/report/{**path}", (string? path) =>
        {
            if (reportDirectory is null || !Directory.Exists(reportDirectory))
            {
                return Results.NotFound("No report yet: run 'hpproxy report <study>'.");
            }
            string? file = Resolve(reportDirectory, string.IsNullOrEmpty(path) ? "index.html" : path);
            if (file is null || !File.Exists(file)) return Results.NotFound();
            string type = Types.TryGetContentType(file, out string? t) ? t : "application/octet-stream";
            if (type.StartsWith("text/", StringComparison.Ordinal)) type += "; charset=utf-8";
            return Results.File(file, type);
        });
    }

    public static string? Resolve(string root, string relative)
    {
        if (relative.Contains('\\', StringComparison.Ordinal) || Path.IsPathRooted(relative)) return null;
        if (!Allowed.Contains(Path.GetExtension(relative))) return null;
        string fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        string full = Path.GetFullPath(Path.Combine(fullRoot, relative));
        return full.StartsWith(fullRoot, StringComparison.Ordinal) ? full : null;
    }

    public static bool Available(string? reportDirectory) =>
        reportDirectory is not null && File.Exists(Path.Combine(reportDirectory, "index.html"));
}
