using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HpProxy.Core.Common;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Studies;

/// <summary>
/// Canonical JSON of a <see cref="RunSpec"/> and the run id derived from it.
/// <para>
/// Canonical form: no whitespace; object keys in snake_case, sorted ordinally; numbers in invariant round-trip
/// ("R") form; a <see cref="HyperparameterSet"/> is an object whose values are JSON numbers (numeric values) or
/// strings (text values, booleans as "true"/"false"); lists keep their order (the planner sorts proxies by
/// name). Equal specs give byte-identical JSON, and <see cref="Deserialize"/> returns a spec whose JSON is the
/// same bytes, so run ids survive a round trip through the study database.
/// </para>
/// </summary>
public static class RunSpecJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = false };

    /// <summary>Canonical JSON (sorted keys, invariant numbers, no whitespace).</summary>
    public static string Serialize(RunSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("algorithm", spec.Algorithm);
            w.WriteNumberValueNamed("budget", spec.Budget);
            w.WriteNumberValueNamed("checkpoints", spec.Checkpoints);
            w.WriteString("config_id", spec.ConfigId);
            w.WritePropertyName("demonstrations");
            WriteDemo(w, spec.Demonstrations);
            w.WritePropertyName("evaluation");
            w.WriteStartObject();
            w.WriteNumberValueNamed("episodes", spec.Evaluation.Episodes);
            w.WriteNumberValueNamed("seed", spec.Evaluation.Seed);
            w.WriteEndObject();
            w.WritePropertyName("hyperparameters");
            WriteSet(w, spec.Hyperparameters);
            w.WritePropertyName("proxies");
            w.WriteStartArray();
            foreach (var proxy in spec.Proxies)
            {
                w.WriteStartObject();
                w.WriteString("name", proxy.Name);
                w.WritePropertyName("settings");
                WriteSet(w, proxy.Settings);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumberValueNamed("seed", spec.Seed);
            w.WriteString("task", spec.Task);
            w.WriteEndObject();
        });
    }

    /// <summary>Reads canonical (or any equivalent) JSON back. Strict: a missing or unknown key is an error, so a
    /// spec written by a newer version is never silently truncated.</summary>
    public static RunSpec Deserialize(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = Object(doc.RootElement, "run spec",
            "algorithm", "budget", "checkpoints", "config_id", "demonstrations", "evaluation", "hyperparameters", "proxies", "seed", "task");
        var demo = Object(root["demonstrations"], "demonstrations", ["file", "demonstrator_version"],
            "demonstrator", "name", "parameters", "regime", "seed", "train_episodes", "validation_episodes");
        var evaluation = Object(root["evaluation"], "evaluation", "episodes", "seed");
        if (root["proxies"].ValueKind != JsonValueKind.Array) throw new JsonException("run spec: 'proxies' must be an array");
        var proxies = root["proxies"].EnumerateArray()
            .Select(p => Object(p, "proxy", "name", "settings"))
            .Select(p => new ProxySpec(p["name"].GetString()!, ReadSet(p["settings"])))
            .ToList();
        return new RunSpec(
            Task: root["task"].GetString()!,
            Demonstrations: new DemoSpec(
                demo["name"].GetString()!,
                demo["demonstrator"].GetString()!,
                demo["regime"].GetString()!,
                ReadSet(demo["parameters"]),
                demo["train_episodes"].GetInt32(),
                demo["validation_episodes"].GetInt32(),
                demo["seed"].GetUInt64())
            {
                File = demo.TryGetValue("file", out var file) ? ReadFile(file) : null,
                DemonstratorVersion = demo.TryGetValue("demonstrator_version", out var version) ? version.GetString() : null,
            },
            Algorithm: root["algorithm"].GetString()!,
            ConfigId: root["config_id"].GetString()!,
            Hyperparameters: ReadSet(root["hyperparameters"]),
            Seed: root["seed"].GetInt32(),
            Budget: root["budget"].GetInt64(),
            Checkpoints: root["checkpoints"].GetInt32(),
            Evaluation: new EvaluationSpec(evaluation["episodes"].GetInt32(), evaluation["seed"].GetUInt64()),
            Proxies: proxies);
    }

    /// <summary>First 16 hex digits of SHA-256 of the canonical JSON.</summary>
    public static string RunId(RunSpec spec) => RunIdOfJson(Serialize(spec));

    /// <summary>The run id of already-canonical JSON (what the store keeps).</summary>
    public static string RunIdOfJson(string canonicalJson) => StableHash.Sha256Hex(canonicalJson)[..16];

    /// <summary>Canonical JSON of a hyperparameter set alone (input of configuration ids).</summary>
    public static string SerializeHyperparameters(HyperparameterSet set) => Write(w => WriteSet(w, set));

    /// <summary>Reads what <see cref="SerializeHyperparameters"/> wrote.</summary>
    public static HyperparameterSet DeserializeHyperparameters(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ReadSet(document.RootElement);
    }

    private static void WriteDemo(Utf8JsonWriter w, DemoSpec demo)
    {
        w.WriteStartObject();
        w.WriteString("demonstrator", demo.Demonstrator);
        // Written only for trained demonstrators, so the JSON (and the run ids) of scripted and file sets are unchanged.
        if (demo.DemonstratorVersion is { } version) w.WriteString("demonstrator_version", version);
        if (demo.File is { } file)
        {
            // Written only for file sets, so the JSON (and the run ids) of generated sets are unchanged.
            w.WritePropertyName("file");
            w.WriteStartObject();
            if (file.ReferenceReturn is { } reference)
            {
                if (!double.IsFinite(reference)) throw new ArgumentException($"reference return {reference} is not finite");
                w.WritePropertyName("reference_return");
                w.WriteRawValue(reference.ToString("R", CultureInfo.InvariantCulture));
            }
            w.WriteString("sha256", file.Sha256);
            w.WriteEndObject();
        }
        w.WriteString("name", demo.Name);
        w.WritePropertyName("parameters");
        WriteSet(w, demo.Parameters);
        w.WriteString("regime", demo.Regime);
        w.WriteNumberValueNamed("seed", demo.Seed);
        w.WriteNumberValueNamed("train_episodes", demo.TrainEpisodes);
        w.WriteNumberValueNamed("validation_episodes", demo.ValidationEpisodes);
        w.WriteEndObject();
    }

    private static void WriteSet(Utf8JsonWriter w, HyperparameterSet set)
    {
        w.WriteStartObject();
        // HyperparameterSet enumerates in ordinal key order, which is the canonical order.
        foreach (var (name, value) in set)
        {
            w.WritePropertyName(name);
            if (value.Number is { } n)
            {
                if (!double.IsFinite(n)) throw new ArgumentException($"hyperparameter '{name}' is not finite ({n}); JSON has no such number");
                w.WriteRawValue(n.ToString("R", CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteStringValue(value.Text);
            }
        }
        w.WriteEndObject();
    }

    private static HyperparameterSet ReadSet(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new JsonException("a hyperparameter set must be an object");
        return new HyperparameterSet(element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind switch
        {
            JsonValueKind.Number => HpValue.Of(p.Value.GetDouble()),
            JsonValueKind.String => HpValue.Of(p.Value.GetString()!),
            _ => throw new JsonException($"hyperparameter '{p.Name}' must be a number or a string"),
        })));
    }

    private static DemoFileSpec ReadFile(JsonElement element)
    {
        var file = Object(element, "demonstrations.file", ["reference_return"], "sha256");
        double? reference = file.TryGetValue("reference_return", out var r) ? r.GetDouble() : null;
        return new DemoFileSpec(file["sha256"].GetString()!, reference);
    }

    private static Dictionary<string, JsonElement> Object(JsonElement element, string what, params string[] keys) =>
        Object(element, what, [], keys);

    /// <param name="optional">Keys that may be absent (fields added later, written only when set).</param>
    private static Dictionary<string, JsonElement> Object(JsonElement element, string what, string[] optional, params string[] keys)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new JsonException($"{what} must be an object");
        var found = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
        {
            if (Array.IndexOf(keys, p.Name) < 0 && Array.IndexOf(optional, p.Name) < 0) throw new JsonException($"{what}: unknown key '{p.Name}'");
            if (!found.TryAdd(p.Name, p.Value)) throw new JsonException($"{what}: duplicate key '{p.Name}'");
        }
        foreach (var k in keys)
            if (!found.ContainsKey(k)) throw new JsonException($"{what}: missing key '{k}'");
        return found;
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) body(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteNumberValueNamed(this Utf8JsonWriter w, string name, long value) => w.WriteNumber(name, value);

    private static void WriteNumberValueNamed(this Utf8JsonWriter w, string name, ulong value) => w.WriteNumber(name, value);
}
