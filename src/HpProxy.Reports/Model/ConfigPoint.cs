namespace HpProxy.Reports.Model;

/// <summary>
/// One configuration as the scatter and sensitivity figures show it: mean over its succeeded seeds of the last
/// checkpoint's normalised score and proxies (SPEC.md §5, "per configuration: mean over seeds").
/// </summary>
/// <param name="Proxies">Mean proxy values by name; NaN when the proxy did not apply to any seed.</param>
/// <param name="Hyperparameters">Sampled hyperparameters read from the run spec (number or text).</param>
public sealed record ConfigPoint(
    ReportGroup Group,
    string ConfigId,
    int Seeds,
    double Score,
    IReadOnlyDictionary<string, double> Proxies,
    IReadOnlyDictionary<string, HpCell> Hyperparameters);

/// <summary>A hyperparameter value as read from spec JSON: a number, or a text (a choice such as "relu").</summary>
public readonly record struct HpCell(double? Number, string? Text)
{
    public override string ToString() =>
        Number is { } n ? n.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : Text ?? "";
}
