using HpProxy.Core.Proxies;

namespace HpProxy.Reports.Analysis;

/// <summary>
/// Direction of every proxy found in the rows: the caller's table first, else the direction the proxy declares in
/// <see cref="ProxyRegistry"/>. A proxy known to neither (a renamed or retired proxy in an old study) is treated as
/// higher-is-better and listed in the report, never guessed silently.
/// </summary>
internal static class ProxyDirections
{
    /// <returns>Directions of <paramref name="proxies"/> (sorted) and the names whose direction was unknown.</returns>
    public static (SortedDictionary<string, ProxyDirection> Directions, IReadOnlyList<string> Unknown) Resolve(
        IEnumerable<string> proxies, IReadOnlyDictionary<string, ProxyDirection>? overrides)
    {
        var directions = new SortedDictionary<string, ProxyDirection>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (string name in proxies.Distinct().Order(StringComparer.Ordinal))
        {
            if (overrides is not null && overrides.TryGetValue(name, out var d)) directions[name] = d;
            else if (ProxyRegistry.Contains(name)) directions[name] = ProxyRegistry.Get(name).Direction;
            else
            {
                directions[name] = ProxyDirection.HigherIsBetter;
                unknown.Add(name);
            }
        }
        return (directions, unknown);
    }

    /// <summary>The registry's one-line description of what a proxy measures, or null for an unregistered name.</summary>
    public static string? Description(string name) => ProxyRegistry.Contains(name) ? ProxyRegistry.Get(name).Description : null;

    /// <summary>What the proxy reads (SPEC.md §5), or null for an unregistered name.</summary>
    public static string? Reads(string name) => ProxyRegistry.Contains(name) ? ProxyRegistry.Get(name).Reads.ToString() : null;

    public static string Describe(ProxyDirection direction) =>
        direction == ProxyDirection.LowerIsBetter ? "lower is better" : "higher is better";

    public static string CsvName(ProxyDirection direction) =>
        direction == ProxyDirection.LowerIsBetter ? "lower" : "higher";
}
