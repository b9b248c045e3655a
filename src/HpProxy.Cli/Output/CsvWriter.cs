using System.Globalization;

namespace HpProxy.Cli.Output;

/// <summary>RFC 4180 CSV: comma-separated, CRLF line ends, fields with a comma, quote, CR or LF quoted and
/// quotes doubled; numbers in invariant culture (round-trip for doubles, so nothing is lost).</summary>
public sealed class CsvWriter(TextWriter output)
{
    public void WriteRow(IEnumerable<string?> fields)
    {
        bool first = true;
        foreach (string? f in fields)
        {
            if (!first) output.Write(',');
            output.Write(Escape(f ?? ""));
            first = false;
        }
        output.Write("\r\n");
    }

    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
