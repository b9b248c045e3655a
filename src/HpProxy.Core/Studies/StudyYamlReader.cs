using System.Globalization;
using System.Text.RegularExpressions;
using HpProxy.Core.Spaces;
using YamlDotNet.RepresentationModel;

namespace HpProxy.Core.Studies;

/// <summary>
/// Typed reads of YamlDotNet representation-model nodes that never throw: each problem is recorded as a
/// <see cref="StudyError"/> at the node's line and column and the read returns null, so validation goes on and
/// reports every problem of the file at once.
/// </summary>
internal sealed partial class StudyYamlReader(string file)
{
    public string File { get; } = file;
    public List<StudyError> Errors { get; } = [];
    public List<StudyError> Warnings { get; } = [];

    public void Error(YamlNode node, string key, string message) =>
        Errors.Add(new StudyError(File, (int)node.Start.Line, (int)node.Start.Column, key, message));

    public void Warn(YamlNode node, string key, string message) =>
        Warnings.Add(new StudyError(File, (int)node.Start.Line, (int)node.Start.Column, key, message));

    public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    public static string Item(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>A mapping's fields; unknown keys get a "did you mean" error, absent required keys an error at the mapping.</summary>
    public StudyFields? Mapping(YamlNode node, string path, IReadOnlyList<string> known, IReadOnlyList<string> required)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, path, $"expected a mapping (key: value lines), found {Describe(node)}");
            return null;
        }
        var fields = new StudyFields(mapping, path);
        var suggested = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, path, "keys must be plain names");
                fields.HasUnknownKeys = true;
                continue;
            }
            if (!known.Contains(key))
            {
                if (NameSuggestions.Closest(key, known) is { } close) suggested.Add(close);
                Error(keyNode, Join(path, key), $"unknown key '{key}'{NameSuggestions.Hint(key, [.. known], "known keys")}");
                fields.HasUnknownKeys = true;
                continue;
            }
            fields.Add(key, keyNode, value);
        }
        foreach (var key in required)
        {
            // A misspelt key already got "did you mean '<key>'?"; saying the key is missing as well is noise.
            if ((fields.Get(key) is null && !suggested.Contains(key)) || (fields.Get(key) is { } v && IsNull(v)))
                Error(mapping, Join(path, key), $"missing required key '{key}'");
        }
        return fields;
    }

    /// <summary>A sequence's items (an error, and null, for anything else).</summary>
    public IReadOnlyList<YamlNode>? Sequence(YamlNode node, string path, bool nonEmpty)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, path, $"expected a list, found {Describe(node)}");
            return null;
        }
        if (nonEmpty && sequence.Children.Count == 0)
        {
            Error(node, path, "the list is empty; give at least one item");
            return null;
        }
        return [.. sequence.Children];
    }

    public string? String(YamlNode node, string path)
    {
        if (node is not YamlScalarNode scalar || IsNull(node))
        {
            Error(node, path, $"expected a text value, found {Describe(node)}");
            return null;
        }
        if (scalar.Value!.Trim().Length == 0)
        {
            Error(node, path, "expected a text value, found an empty string");
            return null;
        }
        return scalar.Value;
    }

    /// <summary>A name: text made of letters, digits, '.', '_' and '-' (it becomes part of ids and folder names).</summary>
    public string? Name(YamlNode node, string path)
    {
        var s = String(node, path);
        if (s is null) return null;
        if (!NamePattern().IsMatch(s))
        {
            Error(node, path, $"'{s}' is not a valid name: use letters, digits, '.', '_' and '-', starting with a letter or digit");
            return null;
        }
        return s;
    }

    public double? Number(YamlNode node, string path)
    {
        if (node is not YamlScalarNode scalar || IsNull(node) || !IsPlain(scalar) || TryParseNumber(scalar.Value!) is not { } value)
        {
            Error(node, path, $"expected a number, found {Describe(node)}");
            return null;
        }
        if (!double.IsFinite(value))
        {
            Error(node, path, $"expected a finite number, found {scalar.Value}");
            return null;
        }
        return value;
    }

    public long? Integer(YamlNode node, string path, long min, long max)
    {
        var number = Number(node, path);
        if (number is not { } n) return null;
        if (n != Math.Floor(n) || Math.Abs(n) > 9e15)
        {
            Error(node, path, $"expected an integer, found {Text(node)}");
            return null;
        }
        if (n < min)
        {
            Error(node, path, string.Create(CultureInfo.InvariantCulture, $"must be at least {min}, found {(long)n}"));
            return null;
        }
        if (n > max)
        {
            Error(node, path, string.Create(CultureInfo.InvariantCulture, $"must be at most {max}, found {(long)n}"));
            return null;
        }
        return (long)n;
    }

    public bool? Bool(YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar && IsPlain(scalar) && TryParseBool(scalar.Value!) is { } b) return b;
        Error(node, path, $"expected true or false, found {Describe(node)}");
        return null;
    }

    /// <summary>A hyperparameter value: a plain number is a number; true/false a boolean; anything else (or anything
    /// quoted) text. Lists, mappings and nulls are errors.</summary>
    public HpValue? Value(YamlNode node, string path)
    {
        if (node is not YamlScalarNode scalar || IsNull(node))
        {
            Error(node, path, $"expected a number or a text value, found {Describe(node)}");
            return null;
        }
        string text = scalar.Value!;
        if (!IsPlain(scalar)) return HpValue.Of(text);
        if (TryParseBool(text) is { } b) return HpValue.Of(b);
        if (TryParseNumber(text) is { } n)
        {
            if (double.IsFinite(n)) return HpValue.Of(n);
            Error(node, path, $"expected a finite number, found {text}");
            return null;
        }
        return HpValue.Of(text);
    }

    /// <summary>A mapping of name → scalar (regime parameters, proxy settings) as a <see cref="HyperparameterSet"/>.</summary>
    public HyperparameterSet? Set(YamlNode node, string path)
    {
        if (IsNull(node)) return HyperparameterSet.Empty;
        if (node is not YamlMappingNode mapping)
        {
            Error(node, path, $"expected a mapping of name: value, found {Describe(node)}");
            return null;
        }
        var values = new List<KeyValuePair<string, HpValue>>();
        bool ok = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } || !NamePattern().IsMatch(key))
            {
                Error(keyNode, path, "keys must be plain names");
                ok = false;
                continue;
            }
            if (Value(valueNode, Join(path, key)) is { } v) values.Add(KeyValuePair.Create(key, v));
            else ok = false;
        }
        return ok ? new HyperparameterSet(values) : null;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any } s
        && s.Value is null or "" or "~" or "null" or "Null" or "NULL";

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an unsupported node",
    };

    private static string Text(YamlNode node) => node is YamlScalarNode s ? s.Value ?? "" : Describe(node);

    private static bool IsPlain(YamlScalarNode s) =>
        s.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any && s.Tag.IsEmpty;

    private static bool? TryParseBool(string text) => text switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    /// <summary>YAML 1.2 core-schema numbers (plus '_' digit separators as in YAML 1.1 and <c>.inf</c>/<c>.nan</c>).</summary>
    internal static double? TryParseNumber(string text)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF": return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF": return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN": return double.NaN;
        }
        if (!NumberPattern().IsMatch(text)) return null;
        return double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            ? v
            : null;
    }

    [GeneratedRegex(@"^[+-]?([0-9][0-9_]*(\.[0-9_]*)?|\.[0-9][0-9_]*)([eE][+-]?[0-9]+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    internal static partial Regex NamePattern();
}
