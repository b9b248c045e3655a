using System.Globalization;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Envs.Demonstrators.Regimes;

/// <summary>Shared validation of a regime's <see cref="HyperparameterSet"/>: unknown names and bad values become messages.</summary>
internal static class RegimeParameters
{
    public static List<string> Unknown(string regime, HyperparameterSet parameters, IReadOnlyCollection<string> known)
    {
        var errors = new List<string>();
        foreach (var name in parameters.Keys)
        {
            if (!known.Contains(name))
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"regime '{regime}': unknown parameter '{name}' (known: {(known.Count == 0 ? "none" : string.Join(", ", known))})"));
        }
        return errors;
    }

    /// <summary>Reads a parameter through <paramref name="read"/>, turning a type error into a message.</summary>
    public static T Read<T>(List<string> errors, Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            errors.Add(e.Message);
            return fallback;
        }
    }

    public static void Range(List<string> errors, string regime, string name, double value, double low, double high)
    {
        if (!(value >= low && value <= high))
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"regime '{regime}': '{name}' = {value} must lie in [{low}, {high}]"));
    }
}
