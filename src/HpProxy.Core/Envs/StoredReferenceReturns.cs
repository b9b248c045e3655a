using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Envs;

/// <summary>
/// Reference returns of every task, measured once (<c>hpproxy tasks --measure</c>) and stored in
/// <c>Envs/reference-returns.json</c>, embedded in this assembly, so that <c>hpproxy tasks</c> lists them without
/// rolling anything out. Random: mean return of uniform random actions (<see cref="ReferenceReturnsMeter.RandomReturn"/>,
/// SPEC.md §3: ≥ 100 episodes, fixed seed). Demonstrator: mean return of the task's default demonstrator in the clean
/// regime (the controller itself, no added noise) over <see cref="MeasureSettings.DemonstratorEpisodes"/> episodes of
/// <see cref="DemoGenerator"/> with <see cref="MeasureSettings.DemonstratorSeed"/>. These are for orientation: a study's
/// normalised score uses the return of its own demonstration set (with its regime and noise), measured at planning.
/// </summary>
public static class StoredReferenceReturns
{
    public const string ResourceName = "HpProxy.Core.Envs.reference-returns.json";

    /// <summary>The file's path in the repository (where <c>tasks --measure</c> writes by default).</summary>
    public const string RepositoryPath = "src/HpProxy.Core/Envs/reference-returns.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // A checked-in file people read: keep '§' and quotes as they are (the file is never embedded in HTML).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Lazy<ReferenceReturnsFile> Embedded = new(() =>
    {
        using var stream = typeof(StoredReferenceReturns).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        return JsonSerializer.Deserialize<ReferenceReturnsFile>(stream, Json) ?? throw new InvalidDataException($"{ResourceName} is empty");
    });

    /// <summary>The stored table (embedded at build time).</summary>
    public static ReferenceReturnsFile Stored => Embedded.Value;

    /// <summary>The stored entry of a task, or null when it was never measured.</summary>
    public static StoredTaskReferences? For(string task) => Stored.Tasks.FirstOrDefault(t => t.Task == task);

    public static string Serialize(ReferenceReturnsFile file) => JsonSerializer.Serialize(file, Json) + "\n";

    public static ReferenceReturnsFile Parse(string json) =>
        JsonSerializer.Deserialize<ReferenceReturnsFile>(json, Json) ?? throw new InvalidDataException("empty reference returns file");

    /// <summary>Measures one task. <paramref name="createDemonstrator"/> is null when the task has no demonstrator
    /// (e.g. a MuJoCo task without a trained expert): then only the random reference is measured.</summary>
    public static StoredTaskReferences Measure(TaskInfo task, Func<IEnvironment> createTask, string? demonstratorName,
        Func<IDemonstrator>? createDemonstrator, MeasureSettings settings)
    {
        double random = ReferenceReturnsMeter.RandomReturn(createTask(), settings.RandomEpisodes, settings.RandomSeed);
        double? demonstrator = null;
        if (createDemonstrator is not null)
        {
            var episodes = DemoGenerator.Generate(createTask(), createDemonstrator(), settings.DemonstratorEpisodes, settings.DemonstratorSeed);
            demonstrator = ReferenceReturnsMeter.ExpertReturn(episodes);
        }
        return new StoredTaskReferences(task.Name, random, createDemonstrator is null ? null : demonstratorName, demonstrator);
    }

    public static string Describe(double? value) => value is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : "none";
}

/// <summary>How the stored references were measured (kept in the file next to the numbers).</summary>
/// <param name="RandomEpisodes">Episodes of uniform random actions per task.</param>
/// <param name="RandomSeed">Root seed of those episodes (<see cref="ReferenceReturnsMeter"/>).</param>
/// <param name="DemonstratorEpisodes">Episodes of the clean demonstrator per task.</param>
/// <param name="DemonstratorSeed">Root seed of those episodes (<see cref="DemoGenerator.Generate"/>).</param>
/// <param name="DemonstratorRegime">Always "clean": the demonstrator without added noise.</param>
public sealed record MeasureSettings(
    int RandomEpisodes = ReferenceReturnsMeter.DefaultRandomEpisodes,
    ulong RandomSeed = ReferenceReturnsMeter.DefaultRandomSeed,
    int DemonstratorEpisodes = 20,  // enough for a mean within a few percent for the scripted controllers; cheap for MuJoCo
    ulong DemonstratorSeed = 0,
    string DemonstratorRegime = "clean");

/// <summary>The stored table: how it was measured and one entry per task.</summary>
public sealed record ReferenceReturnsFile(string About, string Command, MeasureSettings Settings, IReadOnlyList<StoredTaskReferences> Tasks);

/// <summary>A task's stored references; <paramref name="Demonstrator"/> and <paramref name="DemonstratorReturn"/> are null
/// when the task has no demonstrator.</summary>
public sealed record StoredTaskReferences(string Task, double RandomReturn, string? Demonstrator, double? DemonstratorReturn);
