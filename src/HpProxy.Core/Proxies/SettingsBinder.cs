using System.Globalization;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Proxies;

/// <summary>Reads proxy settings from a <see cref="HyperparameterSet"/> after validating them against their descriptors.</summary>
internal static class SettingsBinder
{
    /// <summary>Every problem at once: unknown names, wrong kinds, out-of-range values.</summary>
    public static IReadOnlyList<string> Validate(string proxy, IReadOnlyList<ProxySetting> descriptors, HyperparameterSet settings)
    {
        var errors = new List<string>();
        foreach (var (name, value) in settings)
        {
            var d = descriptors.FirstOrDefault(s => s.Name == name);
            if (d is null)
            {
                string known = descriptors.Count == 0 ? "it has no settings" : "known: " + string.Join(", ", descriptors.Select(s => s.Name));
                errors.Add($"proxy '{proxy}': unknown setting '{name}' ({known})");
                continue;
            }
            errors.AddRange(d.Check(value).Select(e => $"proxy '{proxy}': {e}"));
        }
        return errors;
    }

    public static void ThrowIfInvalid(string proxy, IReadOnlyList<ProxySetting> descriptors, HyperparameterSet settings)
    {
        var errors = Validate(proxy, descriptors, settings);
        if (errors.Count > 0) throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(settings));
    }

    public static ProxySetting Number(string name, double value, string description, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        new(name, HpValue.Of(value), ProxySettingKind.Number, description, min, max);

    public static ProxySetting Integer(string name, int value, string description, int min = int.MinValue, int max = int.MaxValue) =>
        new(name, HpValue.Of(value), ProxySettingKind.Integer, description, min, max);

    public static ProxySetting Choice<TEnum>(string name, TEnum value, string description) where TEnum : struct, Enum =>
        new(name, HpValue.Of(ToSnake(value.ToString())), ProxySettingKind.Choice, description,
            Choices: Enum.GetNames<TEnum>().Select(ToSnake).ToArray());

    public static TEnum GetEnum<TEnum>(HyperparameterSet settings, string name, TEnum defaultValue) where TEnum : struct, Enum
    {
        if (!settings.TryGetValue(name, out var v)) return defaultValue;
        foreach (var candidate in Enum.GetValues<TEnum>())
            if (ToSnake(candidate.ToString()) == v.ToString()) return candidate;
        throw new ArgumentException($"setting '{name}' = '{v}' is not one of {string.Join(", ", Enum.GetNames<TEnum>().Select(ToSnake))}");
    }

    /// <summary>"SquaredEuclidean" → "squared_euclidean".</summary>
    public static string ToSnake(string pascal)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0) sb.Append('_');
            sb.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
