using System.Net;
using System.Text;

namespace HpProxy.Reports.Output;

/// <summary>Self-contained HTML (inline CSS, no script, no network): every piece of text is HTML-escaped, so a
/// study or task name containing markup shows as text; figures are relative links to figures/*.svg and *.png.</summary>
internal static class HtmlWriter
{
    private const string Css = """
        body{font-family:"DejaVu Sans",Verdana,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
        h1{font-size:1.7em;border-bottom:2px solid #1f77b4;padding-bottom:.2em}h2{font-size:1.3em;margin-top:2em;border-bottom:1px solid #ccc}
        table{border-collapse:collapse;margin:1em 0;font-size:.85em}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
        th{background:#f0f4f8}td.n{text-align:right;font-variant-numeric:tabular-nums}tr:nth-child(even) td{background:#fafafa}
        figure{display:inline-block;width:48%;min-width:420px;margin:.5em 1% 1em 0;vertical-align:top}figure img{width:100%;border:1px solid #eee}
        figcaption{font-size:.8em;color:#444}nav a{margin-right:1em}ul li{margin:.3em 0}
        """;

    public static string Write(ReportDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(E(doc.Title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        sb.Append("<h1>").Append(E(doc.Title)).Append("</h1>\n<nav>");
        foreach (var h in doc.Blocks.OfType<Heading>().Where(h => h.Level == 2))
        {
            sb.Append("<a href=\"#").Append(E(h.Id)).Append("\">").Append(E(h.Text)).Append("</a>");
        }
        sb.Append("</nav>\n");
        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    sb.Append("<h").Append(h.Level).Append(" id=\"").Append(E(h.Id)).Append("\">").Append(E(h.Text)).Append("</h").Append(h.Level).Append(">\n");
                    break;
                case Paragraph p:
                    sb.Append("<p>").Append(E(p.Text)).Append("</p>\n");
                    break;
                case BulletList l:
                    sb.Append("<ul>\n");
                    foreach (string item in l.Items) sb.Append("<li>").Append(E(item)).Append("</li>\n");
                    sb.Append("</ul>\n");
                    break;
                case Table t:
                    sb.Append("<table>\n<thead><tr>");
                    foreach (string h in t.Header) sb.Append("<th>").Append(E(h)).Append("</th>");
                    sb.Append("</tr></thead>\n<tbody>\n");
                    foreach (var row in t.Rows)
                    {
                        sb.Append("<tr>");
                        for (int i = 0; i < row.Count; i++)
                        {
                            sb.Append(t.Numeric[i] ? "<td class=\"n\">" : "<td>").Append(E(row[i])).Append("</td>");
                        }
                        sb.Append("</tr>\n");
                    }
                    sb.Append("</tbody>\n</table>\n");
                    break;
                case FigureBlock f:
                    sb.Append("<figure><a href=\"").Append(E(f.PngPath)).Append("\"><img src=\"").Append(E(f.SvgPath))
                      .Append("\" alt=\"").Append(E(f.Caption)).Append("\" loading=\"lazy\"></a><figcaption>").Append(E(f.Caption))
                      .Append(" <a href=\"").Append(E(f.PngPath)).Append("\">PNG</a> · <a href=\"").Append(E(f.SvgPath)).Append("\">SVG</a></figcaption></figure>\n");
                    break;
            }
        }
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
