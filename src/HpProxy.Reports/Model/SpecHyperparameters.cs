using System.Text.Json;

namespace HpProxy.Reports.Model;

/// <summary>
/// Reads the sampled hyperparameters from a run's spec JSON without depending on its exact layout: the first
/// object property named "hyperparameters" (any case), whose members are numbers, strings, booleans, or
/// {number|text} objects (an <c>HpValue</c> written field by field).
/// </summary>
public static class SpecHyperparameters
{
    public static IReadOnlyDictionary<string, HpCell> Read(string specJson)
    {
        var result = new SortedDictionary<string, HpCell>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(specJson)) return result;
        try
        {
            using var doc = JsonDocument.Parse(specJson);
            if (Find(doc.RootElement) is not { } hps) return result;
            foreach (var p in hps.EnumerateObject())
            {
                if (Cell(p.Value) is { } cell) result[p.Name] = cell;
            }
        }
        catch (JsonException)
        {
            // A spec that does not parse has no hyperparameters to show; the run is still counted and reported.
        }
        return result;
    }

    private static JsonElement? Find(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        foreach (var p in element.EnumerateObject())
        {
            if (p.Name.Equals("hyperparameters", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Object) return p.Value;
        }
        foreach (var p in element.EnumerateObject())
        {
            if (Find(p.Value) is { } found) return found;
        }
        return null;
    }

    private static HpCell? Cell(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => new HpCell(v.GetDouble(), null),
        JsonValueKind.String => new HpCell(null, v.GetString()),
        JsonValueKind.True => new HpCell(null, "true"),
        JsonValueKind.False => new HpCell(null, "false"),
        JsonValueKind.Object => FromObject(v),
        _ => null,
    };

    private static HpCell? FromObject(JsonElement v)
    {
        foreach (var p in v.EnumerateObject())
        {
            if (p.Name.Equals("number", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Number) return new HpCell(p.Value.GetDouble(), null);
        }
        foreach (var p in v.EnumerateObject())
        {
            if (p.Name.Equals("text", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String) return new HpCell(null, p.Value.GetString());
        }
        return null;
    }
}
