using System.Globalization;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Agents.Hyperparameters;

/// <summary>The kind of value a hyperparameter takes, which decides how it is validated.</summary>
public enum HpKind
{
    Real,
    Integer,
    Choice,
    Boolean,
}

/// <summary>
/// One hyperparameter an algorithm accepts: documentation (<see cref="Info"/>) plus the rule that validates a
/// value. Defaults are not written here: the factories read them from the algorithm's default config record, so
/// each default lives in exactly one place.
/// </summary>
public sealed record HpSpec(
    string Name,
    HpKind Kind,
    HpValue Default,
    string Description,
    string SuggestedRange,
    double Min = double.NegativeInfinity,
    double Max = double.PositiveInfinity,
    IReadOnlyList<string>? Choices = null)
{
    public HyperparameterInfo Info => new(Name, Default, Description, SuggestedRange);

    /// <summary>A real number in [min, max].</summary>
    public static HpSpec Real(string name, double @default, double min, double max, string description, string range) =>
        new(name, HpKind.Real, HpValue.Of(@default), description, range, min, max);

    /// <summary>An integer in [min, max].</summary>
    public static HpSpec Integer(string name, int @default, int min, int max, string description, string range) =>
        new(name, HpKind.Integer, HpValue.Of(@default), description, range, min, max);

    public static HpSpec Choice(string name, string @default, IReadOnlyList<string> choices, string description) =>
        new(name, HpKind.Choice, HpValue.Of(@default), description, "{" + string.Join(", ", choices) + "}", Choices: choices);

    public static HpSpec Boolean(string name, bool @default, string description) =>
        new(name, HpKind.Boolean, HpValue.Of(@default), description, "{true, false}");

    /// <summary>The problem with <paramref name="value"/>, or null when it is acceptable.</summary>
    public string? Check(HpValue value)
    {
        switch (Kind)
        {
            case HpKind.Real or HpKind.Integer:
                if (value.Number is not { } x) return $"hyperparameter '{Name}' = '{value}' must be a number";
                if (!double.IsFinite(x)) return $"hyperparameter '{Name}' = '{value}' must be finite";
                if (Kind == HpKind.Integer && x != Math.Round(x)) return $"hyperparameter '{Name}' = '{value}' must be an integer";
                if (x < Min || x > Max)
                    return string.Create(CultureInfo.InvariantCulture, $"hyperparameter '{Name}' = {value} is out of range [{Min}, {Max}]");
                return null;
            case HpKind.Choice:
                string text = value.ToString();
                if (Choices!.Contains(text)) return null;
                return $"hyperparameter '{Name}' = '{text}' is not one of {{{string.Join(", ", Choices!)}}}"
                    + (NameSuggestion.Closest(text, Choices!) is { } c ? $" (did you mean '{c}'?)" : "");
            default:
                return value.ToString() is "true" or "false" or "1" or "0"
                    ? null
                    : $"hyperparameter '{Name}' = '{value}' must be true or false";
        }
    }
}
