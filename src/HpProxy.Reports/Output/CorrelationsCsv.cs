using System.Globalization;
using System.Text;
using HpProxy.Reports.Analysis;
using HpProxy.Reports.Model;

namespace HpProxy.Reports.Output;

/// <summary>correlations.csv (RFC 4180): one row per task × demonstrations × algorithm × proxy. Numbers in invariant
/// culture with 6 decimals (stable bytes); NaN is an empty cell.</summary>
internal static class CorrelationsCsv
{
    public const string Header = "task,demonstrations,algorithm,proxy,direction,spearman,spearman_low,spearman_high,kendall,kendall_low,kendall_high,n";

    public static string Write(IReadOnlyList<CorrelationView> correlations)
    {
        var sb = new StringBuilder();
        sb.Append(Header).Append('\n');
        foreach (var c in correlations)
        {
            sb.Append(Q(c.Group.Task)).Append(',').Append(Q(c.Group.Demonstrations)).Append(',').Append(Q(c.Group.Algorithm)).Append(',')
              .Append(Q(c.Proxy)).Append(',').Append(ProxyDirections.CsvName(c.Direction)).Append(',')
              .Append(N(c.Spearman)).Append(',').Append(N(c.SpearmanLow)).Append(',').Append(N(c.SpearmanHigh)).Append(',')
              .Append(N(c.Kendall)).Append(',').Append(N(c.KendallLow)).Append(',').Append(N(c.KendallHigh)).Append(',')
              .Append(c.N.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return sb.ToString();
    }

    private static string N(double v) => double.IsFinite(v) ? v.ToString("0.000000", CultureInfo.InvariantCulture) : "";

    private static string Q(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
