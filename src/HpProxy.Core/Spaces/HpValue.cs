using System.Globalization;

namespace HpProxy.Core.Spaces;

/// <summary>One hyperparameter value: a number (integers are numbers) or a string (choices such as "relu").
/// Booleans are the strings "true"/"false".</summary>
public readonly record struct HpValue
{
    private HpValue(double? number, string? text)
    {
        Number = number;
        Text = text;
    }

    public double? Number { get; }
    public string? Text { get; }
    public bool IsNumber => Number.HasValue;

    public static HpValue Of(double value) => new(value, null);
    public static HpValue Of(string value) => new(null, value);
    public static HpValue Of(bool value) => new(null, value ? "true" : "false");

    /// <summary>Canonical text: numbers in round-trip invariant form, strings verbatim.</summary>
    public override string ToString() =>
        Number is { } n ? n.ToString("R", CultureInfo.InvariantCulture) : Text!;
}
