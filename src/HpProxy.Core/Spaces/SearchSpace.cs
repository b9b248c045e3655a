using System.Collections;

namespace HpProxy.Core.Spaces;

/// <summary>An algorithm's hyperparameter search space: one distribution per hyperparameter name, sorted by name.
/// An empty space is the algorithm's default configuration.</summary>
public sealed class SearchSpace : IReadOnlyDictionary<string, HpDistribution>
{
    private readonly SortedDictionary<string, HpDistribution> _distributions;

    public SearchSpace(IEnumerable<KeyValuePair<string, HpDistribution>> distributions)
    {
        _distributions = new SortedDictionary<string, HpDistribution>(StringComparer.Ordinal);
        foreach (var (k, v) in distributions) _distributions.Add(k, v);
    }

    public static SearchSpace Empty { get; } = new([]);

    /// <summary>True when at least one distribution can produce more than one value.</summary>
    public bool IsRandom => _distributions.Values.Any(d => d.IsRandom);

    /// <summary>Number of distinct configurations when every distribution is discrete; null when one is continuous
    /// (or the product overflows).</summary>
    public long? Cardinality
    {
        get
        {
            long product = 1;
            foreach (var d in _distributions.Values)
            {
                if (d.Cardinality is not { } c) return null;
                if (product > long.MaxValue / Math.Max(c, 1)) return null;
                product *= c;
            }
            return product;
        }
    }

    public HpDistribution this[string key] => _distributions[key];
    public IEnumerable<string> Keys => _distributions.Keys;
    public IEnumerable<HpDistribution> Values => _distributions.Values;
    public int Count => _distributions.Count;
    public bool ContainsKey(string key) => _distributions.ContainsKey(key);

    public bool TryGetValue(string key, out HpDistribution value)
    {
        bool found = _distributions.TryGetValue(key, out var d);
        value = d!;
        return found;
    }

    public IEnumerator<KeyValuePair<string, HpDistribution>> GetEnumerator() => _distributions.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(", ", _distributions.Select(kv => kv.Key + ": " + kv.Value.Describe()));
}
