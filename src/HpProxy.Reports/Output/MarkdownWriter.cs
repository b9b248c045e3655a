using System.Text;

namespace HpProxy.Reports.Output;

/// <summary>The same document as Markdown (GitHub flavour). Text from the study is escaped so that names cannot
/// inject markup or break a table: Markdown punctuation gets a backslash, and &lt; &gt; &amp; become entities
/// (Markdown passes raw HTML through).</summary>
internal static class MarkdownWriter
{
    public static string Write(ReportDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(E(doc.Title)).Append("\n\n");
        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    sb.Append('#', h.Level).Append(' ').Append(E(h.Text)).Append("\n\n");
                    break;
                case Paragraph p:
                    sb.Append(E(p.Text)).Append("\n\n");
                    break;
                case BulletList l:
                    foreach (string item in l.Items) sb.Append("- ").Append(E(item)).Append('\n');
                    sb.Append('\n');
                    break;
                case Table t:
                    sb.Append("| ").Append(string.Join(" | ", t.Header.Select(E))).Append(" |\n|");
                    foreach (bool numeric in t.Numeric) sb.Append(numeric ? " ---: |" : " --- |");
                    sb.Append('\n');
                    foreach (var row in t.Rows) sb.Append("| ").Append(string.Join(" | ", row.Select(E))).Append(" |\n");
                    sb.Append('\n');
                    break;
                case FigureBlock f:
                    sb.Append("![").Append(E(f.Caption)).Append("](").Append(f.SvgPath).Append(")\n\n")
                      .Append(E(f.Caption)).Append(" [PNG](").Append(f.PngPath).Append(") · [SVG](").Append(f.SvgPath).Append(")\n\n");
                    break;
            }
        }
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>Escapes text for Markdown (inline and table cells).</summary>
    internal static string E(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r': break;
                case '\n': sb.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '!' or '{' or '}' or '~':
                    sb.Append('\\').Append(c);
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
