using System.Text.Json;

namespace HpProxy.Core.Tests.Fixtures;

/// <summary>
/// Loads Fixtures/reference_values.json (scipy 1.10 / POT 0.8 values) from the source tree, so the test
/// project needs no copy-to-output entry.
/// </summary>
internal static class ReferenceValues
{
    private static readonly Lazy<JsonDocument> Document = new(Load);

    public static JsonElement Root => Document.Value.RootElement;

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>A list of points [[x, y], …] flattened row-major, with its dimension.</summary>
    public static (float[] Points, int Dimension) Points(JsonElement array)
    {
        var rows = array.EnumerateArray().Select(r => r.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray()).ToArray();
        return (rows.SelectMany(r => r).ToArray(), rows[0].Length);
    }

    private static JsonDocument Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "HpProxy.Core.Tests", "Fixtures", "reference_values.json");
            if (File.Exists(candidate)) return JsonDocument.Parse(File.ReadAllText(candidate));
            var local = Path.Combine(dir.FullName, "Fixtures", "reference_values.json");
            if (File.Exists(local)) return JsonDocument.Parse(File.ReadAllText(local));
            dir = dir.Parent;
        }
        throw new FileNotFoundException("Fixtures/reference_values.json not found above " + AppContext.BaseDirectory);
    }
}
