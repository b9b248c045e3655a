using HpProxy.Core.Spaces;

namespace HpProxy.Core.Proxies;

/// <summary>The kind of value a proxy setting takes.</summary>
public enum ProxySettingKind
{
    Number,
    Integer,
    Choice,
}

/// <summary>One documented setting of a proxy, with its default and its valid range or choices.</summary>
public sealed record ProxySetting(
    string Name,
    HpValue Default,
    ProxySettingKind Kind,
    string Description,
    double Min = double.NegativeInfinity,
    double Max = double.PositiveInfinity,
    IReadOnlyList<string>? Choices = null)
{
    /// <summary>Problems with one value of this setting (empty when valid).</summary>
    public IEnumerable<string> Check(HpValue value)
    {
        switch (Kind)
        {
            case ProxySettingKind.Choice:
                if (Choices is not null && !Choices.Contains(value.ToString(), StringComparer.Ordinal))
                    yield return $"'{Name}' = '{value}' must be one of: {string.Join(", ", Choices)}";
                yield break;
            default:
                if (value.Number is not { } n || double.IsNaN(n))
                {
                    yield return $"'{Name}' = '{value}' must be a number";
                    yield break;
                }
                if (Kind == ProxySettingKind.Integer && n != Math.Round(n))
                    yield return $"'{Name}' = '{value}' must be an integer";
                if (n < Min || n > Max)
                    yield return $"'{Name}' = '{value}' must be in [{Min}, {Max}]";
                yield break;
        }
    }
}

/// <summary>What the registry knows about a proxy: its contract and its settings with defaults.</summary>
public sealed record ProxyInfo(
    string Name,
    ProxyDirection Direction,
    ProxyReads Reads,
    string Description,
    IReadOnlyList<ProxySetting> Settings);
