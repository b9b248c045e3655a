using System.Globalization;
using System.Net;
using System.Text;

namespace HpProxy.Dashboard.Pages;

/// <summary>Page shell: inline CSS, one same-origin script (/app.js), navigation. Every text goes through
/// <see cref="E"/>; the script fills live values with textContent only.</summary>
internal static class Html
{
    private const string Css = """
        body{font-family:"DejaVu Sans",Verdana,sans-serif;margin:0;color:#222;background:#fafafa}
        header{background:#1f3b57;color:#fff;padding:.6em 1.2em}header h1{margin:0;font-size:1.2em}
        nav a{color:#cfe3f7;margin-right:1.2em;text-decoration:none}nav a:hover{text-decoration:underline}
        main{padding:1em 1.2em;max-width:1200px}h2{font-size:1.1em;margin-top:1.6em}
        table{border-collapse:collapse;font-size:.85em;background:#fff}th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left}
        th{background:#eef3f8}td.n{text-align:right;font-variant-numeric:tabular-nums}
        .cards{display:flex;gap:.8em;flex-wrap:wrap}.card{background:#fff;border:1px solid #ddd;padding:.5em .9em;min-width:7em}
        .card b{display:block;font-size:1.4em}.bar{height:14px;background:#e6e6e6;border-radius:3px;overflow:hidden;width:100%;max-width:600px}
        .bar span{display:block;height:100%;background:#2ca02c}.bar span.f{background:#d62728}
        .muted{color:#666;font-size:.85em}.err{color:#b00}svg text{font-family:"DejaVu Sans",Verdana,sans-serif}
        pre{white-space:pre-wrap;word-break:break-all;background:#fff;border:1px solid #ddd;padding:.5em;font-size:.8em}
        """;

    public static string Page(string study, string title, string page, string body)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(E(title)).Append(" · ").Append(E(study)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n");
        sb.Append("<body data-page=\"").Append(E(page)).Append("\">\n<header><h1>HpProxy · ").Append(E(study)).Append("</h1>\n<nav>");
        sb.Append("<a href=\"/\">Overview</a><a href=\"/failures\">Failures</a><a href=\"/runs\">Runs</a><a href=\"/scatter\">Proxy vs oracle</a>");
        sb.Append("<a href=\"/report/index.html\">Report</a><a href=\"/hangfire\">Hangfire</a></nav></header>\n<main>\n");
        sb.Append("<h2>").Append(E(title)).Append("</h2>\n").Append(body).Append("\n</main>\n<script src=\"/app.js\"></script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Num(double? v, string format = "0.###") =>
        v is { } x && double.IsFinite(x) ? x.ToString(format, CultureInfo.InvariantCulture) : "–";

    public static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>A table from already-escaped cells (callers escape with <see cref="E"/>).</summary>
    public static string Table(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows, string? id = null)
    {
        var sb = new StringBuilder("<table");
        if (id is not null) sb.Append(" id=\"").Append(E(id)).Append('"');
        sb.Append("><thead><tr>");
        foreach (string h in header) sb.Append("<th>").Append(E(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            foreach (string cell in row) sb.Append("<td>").Append(cell).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        return sb.ToString();
    }
}
