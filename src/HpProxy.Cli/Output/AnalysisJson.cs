using System.Text.Json;
using System.Text.Json.Serialization;
using HpProxy.Core.Analysis;

namespace HpProxy.Cli.Output;

/// <summary>
/// <c>hpproxy analyze --json</c>: the analysis's own records (<see cref="StudyAnalysis"/>) in snake_case, with the
/// settings, headline, report path and follow-up study. Undefined numbers (NaN: a correlation of all-tied values, a
/// pick the follow-up did not re-run) are <c>null</c>; the budget curve's "all" is the string "all".
/// </summary>
internal static class AnalysisJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new FiniteDoubleConverter() },
    };

    public static string Write(AnalysisSummary summary)
    {
        var a = summary.Analysis;
        var s = a.Settings;
        var document = new
        {
            Study = summary.Study,
            Report = summary.ReportPath,
            FollowUpStudy = summary.FollowUpStudy,
            Settings = new
            {
                K = s.Budget,
                Draws = s.Resamples,
                s.Seed,
                Budgets = s.BudgetCurve.Select(k => k == int.MaxValue ? (object)"all" : k).ToArray(),
                Interval = new[] { s.LowerQuantile, s.UpperQuantile },
                Oracle = s.Oracle == OracleMetric.NormalizedScore ? "score" : "return",
            },
            Headline = summary.Headline,
            a.Proxies,
            a.Groups,
            a.Correlations,
            a.Selections,
            a.BudgetCurves,
            a.EarlyStopping,
            a.AlgorithmSelection,
            a.Transfer,
            a.WinnersCurse,
        };
        return JsonSerializer.Serialize(document, Options) + "\n";
    }

    /// <summary>Writes NaN and infinities as null (JSON has no such numbers).</summary>
    private sealed class FiniteDoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }

        public override bool HandleNull => true;
    }
}
