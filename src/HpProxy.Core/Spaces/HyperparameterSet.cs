using System.Collections;
using System.Globalization;

namespace HpProxy.Core.Spaces;

/// <summary>
/// An immutable, name-sorted set of hyperparameter values (one sampled configuration). Agents bind it to
/// their typed config record; a name the algorithm does not know is a validation error, never ignored.
/// </summary>
public sealed class HyperparameterSet : IReadOnlyDictionary<string, HpValue>, IEquatable<HyperparameterSet>
{
    private readonly SortedDictionary<string, HpValue> _values;

    public HyperparameterSet(IEnumerable<KeyValuePair<string, HpValue>> values)
    {
        _values = new SortedDictionary<string, HpValue>(StringComparer.Ordinal);
        foreach (var (k, v) in values) _values.Add(k, v);
    }

    public static HyperparameterSet Empty { get; } = new([]);

    public HpValue this[string key] => _values[key];
    public IEnumerable<string> Keys => _values.Keys;
    public IEnumerable<HpValue> Values => _values.Values;
    public int Count => _values.Count;
    public bool ContainsKey(string key) => _values.ContainsKey(key);
    public bool TryGetValue(string key, out HpValue value) => _values.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, HpValue>> GetEnumerator() => _values.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public double GetDouble(string name, double defaultValue) =>
        _values.TryGetValue(name, out var v) ? v.Number ?? throw Bad(name, v, "a number") : defaultValue;

    public int GetInt(string name, int defaultValue)
    {
        if (!_values.TryGetValue(name, out var v)) return defaultValue;
        double n = v.Number ?? throw Bad(name, v, "an integer");
        if (n != Math.Round(n)) throw Bad(name, v, "an integer");
        return checked((int)n);
    }

    public string GetString(string name, string defaultValue) =>
        _values.TryGetValue(name, out var v) ? v.Text ?? v.ToString() : defaultValue;

    public bool GetBool(string name, bool defaultValue)
    {
        if (!_values.TryGetValue(name, out var v)) return defaultValue;
        return v.ToString() switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw Bad(name, v, "true or false"),
        };
    }

    /// <summary>Canonical text "a=1;b=relu" (sorted by name), the input of configuration ids.</summary>
    public string ToCanonicalString() =>
        string.Join(";", _values.Select(kv => kv.Key + "=" + kv.Value.ToString()));

    public override string ToString() => ToCanonicalString();

    /// <summary>Value equality (same names, same values), so records holding a set (configurations, run specs)
    /// compare by content.</summary>
    public bool Equals(HyperparameterSet? other) =>
        other is not null && other.Count == Count && _values.All(kv => other.TryGetValue(kv.Key, out var v) && v.Equals(kv.Value));

    public override bool Equals(object? obj) => Equals(obj as HyperparameterSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (k, v) in _values)
        {
            hash.Add(k, StringComparer.Ordinal);
            hash.Add(v);
        }
        return hash.ToHashCode();
    }

    private static ArgumentException Bad(string name, HpValue v, string expected) =>
        new(string.Create(CultureInfo.InvariantCulture, $"hyperparameter '{name}' = '{v}' must be {expected}"));
}
