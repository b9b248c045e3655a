using static HpProxy.Reports.Model.Headline;

namespace HpProxy.Reports.Model;

/// <summary>
/// The winner's curse in words (SPEC.md §6), computed from the table's rows so the report never states a finding
/// its data do not show: how much the oracle's pick and each proxy's pick lose from the seeds they were selected on
/// to fresh seeds, and how the proxies' picks compare with the oracle's once both are scored on fresh seeds — the
/// comparison a practitioner cares about, since the oracle's advantage on its own selection seeds is partly noise.
/// </summary>
internal static class WinnersCurseSummary
{
    public static IReadOnlyList<string> Build(IReadOnlyList<WinnersCurseView> rows)
    {
        var lines = new List<string>();
        var oracle = rows.GroupBy(r => r.Group).Select(g => g.First())
            .Where(r => double.IsFinite(r.OracleSelection) && double.IsFinite(r.OracleFresh)).ToList();
        if (oracle.Count > 0)
        {
            var drops = oracle.Select(r => r.OracleSelection - r.OracleFresh).ToList();
            lines.Add($"The oracle's pick scores {F(oracle.Average(r => r.OracleSelection))} on the seeds it was selected on and " +
                      $"{F(oracle.Average(r => r.OracleFresh))} on fresh seeds (mean over {Groups(oracle.Count)}; drop {F(drops.Average())}, " +
                      $"from {F(drops.Min())} to {F(drops.Max())}).");
        }
        var proxies = rows.Where(r => double.IsFinite(r.ProxySelection) && double.IsFinite(r.ProxyFresh))
            .GroupBy(r => r.Proxy, StringComparer.Ordinal)
            .Select(p => (Proxy: p.Key, Rows: p.ToList(), Gap: Means.Finite(p.Select(r => r.ProxyFresh - r.OracleFresh))))
            .OrderByDescending(p => double.IsFinite(p.Gap) ? p.Gap : double.NegativeInfinity).ThenBy(p => p.Proxy, StringComparer.Ordinal);
        foreach (var (proxy, items, gap) in proxies)
        {
            string line = $"{proxy}: its pick scores {F(items.Average(r => r.ProxySelection))} on its selection seeds and " +
                          $"{F(items.Average(r => r.ProxyFresh))} on fresh seeds (drop {F(items.Average(r => r.ProxySelection - r.ProxyFresh))}, {Groups(items.Count)})";
            var compared = items.Where(r => double.IsFinite(r.OracleFresh)).ToList();
            if (compared.Count > 0)
            {
                int asGood = compared.Count(r => r.ProxyFresh >= r.OracleFresh);
                line += $"; on fresh seeds it {Versus(gap)} on average and is at least as good in {asGood} of {compared.Count}";
            }
            lines.Add(line + ".");
        }
        return lines;
    }

    private static string Groups(int n) => n == 1 ? "1 group" : $"{n} groups";

    /// <summary>The mean fresh-seed gap to the oracle's pick in words; under half a hundredth counts as a match, since
    /// the numbers are shown with two decimals.</summary>
    private static string Versus(double gap) => gap switch
    {
        < -0.005 => $"trails the oracle's pick by {F(-gap)}",
        > 0.005 => $"beats the oracle's pick by {F(gap)}",
        _ => "matches the oracle's pick",
    };
}
