using HpProxy.Core.Proxies;

namespace HpProxy.Reports.Analysis;

/// <summary>
/// Direction of every proxy found in the rows: the caller's table first, else the proxy registry. Until the
/// registry (<c>Core/Proxies/ProxyRegistry</c>) is on main, the directions of SPEC.md §5 stand in for it here.
/// A proxy known to neither is treated as higher-is-better and listed in the report, never guessed silently.
/// </summary>
internal static class ProxyDirections
{
    // SPEC.md §5 table; replaced by the registry's declared directions once it is merged.
    private static readonly Dictionary<string, ProxyDirection> Registry = new(StringComparer.Ordinal)
    {
        ["action_mse"] = ProxyDirection.LowerIsBetter,
        ["state_wasserstein"] = ProxyDirection.LowerIsBetter,
        ["state_action_wasserstein"] = ProxyDirection.LowerIsBetter,
        ["exact_wasserstein"] = ProxyDirection.LowerIsBetter,
        ["bc_loss"] = ProxyDirection.LowerIsBetter,
        ["rnd"] = ProxyDirection.HigherIsBetter,
        ["imitation_return"] = ProxyDirection.HigherIsBetter,
        ["reference_imitation_return"] = ProxyDirection.HigherIsBetter,
    };

    /// <returns>Directions of <paramref name="proxies"/> (sorted) and the names whose direction was unknown.</returns>
    public static (SortedDictionary<string, ProxyDirection> Directions, IReadOnlyList<string> Unknown) Resolve(
        IEnumerable<string> proxies, IReadOnlyDictionary<string, ProxyDirection>? overrides)
    {
        var directions = new SortedDictionary<string, ProxyDirection>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (string name in proxies.Distinct().Order(StringComparer.Ordinal))
        {
            if (overrides is not null && overrides.TryGetValue(name, out var d)) directions[name] = d;
            else if (Registry.TryGetValue(name, out d)) directions[name] = d;
            else
            {
                directions[name] = ProxyDirection.HigherIsBetter;
                unknown.Add(name);
            }
        }
        return (directions, unknown);
    }

    public static string Describe(ProxyDirection direction) =>
        direction == ProxyDirection.LowerIsBetter ? "lower is better" : "higher is better";

    public static string CsvName(ProxyDirection direction) =>
        direction == ProxyDirection.LowerIsBetter ? "lower" : "higher";
}
