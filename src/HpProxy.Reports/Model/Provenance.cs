using HpProxy.Core.Agents;
using HpProxy.Storage;

namespace HpProxy.Reports.Model;

/// <summary>
/// Where a report's numbers come from (SPEC.md §7): the study file's hash, the code version, and what the study
/// database held. No generation time: a report of the same rows is the same bytes.
/// </summary>
public sealed record Provenance(
    string StudyName,
    string FileHash,
    string CodeVersion,
    string StudyCodeVersion,
    IReadOnlyDictionary<RunState, int> RunsByState,
    IReadOnlyList<int> Seeds,
    int Configurations,
    int CheckpointRows,
    IReadOnlyDictionary<string, int>? RunCodeVersions = null)
{
    /// <summary>"1.0.0+abc (2 300 runs), not recorded (100 runs)": the code versions the finished runs were made
    /// with (a study resumed across sessions can mix them; runs finished before the study database recorded it
    /// count as "not recorded").</summary>
    public string RunCodeVersionsText => RunCodeVersions is null || RunCodeVersions.Count == 0
        ? "(no finished runs)"
        : string.Join(", ", RunCodeVersions.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key} ({kv.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} runs)"));

    public int TotalRuns => RunsByState.Values.Sum();

    /// <summary>Finished runs whose worker recorded the configuration it trained with (every default included).</summary>
    public int RecordedConfigurations { get; init; }

    /// <summary>Finished runs this code would train with other defaults (<see cref="Core.Agents.DefaultsDrift"/>).</summary>
    public DefaultsDriftReport DefaultsDrift { get; init; } = new(0, []);

    /// <summary>The provenance row "trained with other defaults": which finished runs the report's code would train
    /// differently, since a run id covers only what the study file sets.</summary>
    public string DefaultsDriftText
    {
        get
        {
            if (DefaultsDrift.Any)
                return $"{DefaultsDrift.Runs.ToString(System.Globalization.CultureInfo.InvariantCulture)} of " +
                       $"{RecordedConfigurations.ToString(System.Globalization.CultureInfo.InvariantCulture)} recorded runs: {DefaultsDrift.Describe()}";
            return RecordedConfigurations == 0
                ? "not recorded (runs finished before workers recorded their configuration)"
                : $"none ({RecordedConfigurations.ToString(System.Globalization.CultureInfo.InvariantCulture)} recorded runs checked)";
        }
    }

    public string HashPrefix => FileHash.Length > 12 ? FileHash[..12] : FileHash;

    public int Count(RunState state) => RunsByState.TryGetValue(state, out int n) ? n : 0;

    /// <summary>The code version with a long commit suffix cut to 12 hex digits ("1.0.0+f9be73fc1a37"), for the footer.</summary>
    public string ShortCodeVersion
    {
        get
        {
            int plus = CodeVersion.IndexOf('+', StringComparison.Ordinal);
            return plus >= 0 && CodeVersion.Length - plus - 1 > 12 ? CodeVersion[..(plus + 13)] : CodeVersion;
        }
    }

    /// <summary>The small stamp printed under every figure.</summary>
    public string Footer =>
        $"{StudyName} · study {HashPrefix} · code {ShortCodeVersion} · runs {Count(RunState.Succeeded)} succeeded, " +
        $"{Count(RunState.Failed)} failed of {TotalRuns} · {Configurations} configurations · {(Seeds.Count == 1 ? "1 seed" : $"{Seeds.Count} seeds")}";
}

/// <summary>A failed run and its recorded reason.</summary>
public sealed record FailureView(ReportGroup Group, string RunId, string ConfigId, int Seed, int Attempts, string Reason);
