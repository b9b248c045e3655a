using HpProxy.Core.Analysis;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Studies;

/// <summary>
/// A validated study file (see <c>studies/README.md</c> for every key). Immutable; planning it
/// (<see cref="StudyPlanner.Plan"/>) is a pure function.
/// </summary>
/// <param name="Name">Canonical name: lower case, <c>[a-z0-9._-]</c> only (safe as a folder name); from the <c>name</c>
/// key, or the file name when the key is absent.</param>
/// <param name="Description">Free text from <c>description</c>, empty when absent.</param>
/// <param name="File">The file name the study was loaded under (as given by the caller).</param>
/// <param name="FileHash">Lower-case hex SHA-256 of the file text (UTF-8): stamps reports and the study database.</param>
/// <param name="FileText">The file text itself (the study database keeps it).</param>
/// <param name="Seed">Study seed: configurations, demonstration seeds and evaluation seeds derive from it.</param>
/// <param name="Tasks">Tasks in file order.</param>
/// <param name="Demonstrations">Demonstration sets in file order.</param>
/// <param name="EvaluationEpisodes">Deterministic evaluation episodes per checkpoint.</param>
/// <param name="Checkpoints">Checkpoints per run, evenly spaced, the last at the end of the budget.</param>
/// <param name="Seeds">Training seeds per configuration: <see cref="FirstSeed"/>..FirstSeed+Seeds-1.</param>
/// <param name="Proxies">Proxies in file order, each with its settings.</param>
/// <param name="Algorithms">Algorithms in file order.</param>
public sealed record StudyDefinition(
    string Name,
    string Description,
    string File,
    string FileHash,
    string FileText,
    ulong Seed,
    IReadOnlyList<string> Tasks,
    IReadOnlyList<DemonstrationSetDefinition> Demonstrations,
    int EvaluationEpisodes,
    int Checkpoints,
    int Seeds,
    IReadOnlyList<ProxySpec> Proxies,
    IReadOnlyList<AlgorithmDefinition> Algorithms)
{
    /// <summary>Analysis settings from the optional <c>analysis</c> section (SPEC §6): K, the budget curve, B, the
    /// interval, the resampling seed (default: the study seed) and the oracle column. No run depends on them.</summary>
    public AnalysisSettings Analysis { get; init; } = new();

    /// <summary>First training seed index (the <c>first_seed</c> key, default 0): runs use seeds
    /// FirstSeed..FirstSeed+Seeds-1. A follow-up study that re-runs configurations of an earlier study on fresh seeds
    /// starts past the earlier study's seeds, so its runs never repeat the earlier ones (SPEC.md §6, winner's curse).</summary>
    public int FirstSeed { get; init; }
}

/// <summary>A demonstration set of a study, before it is bound to a task (the planner makes one
/// <see cref="DemoSpec"/> per task).</summary>
/// <param name="Name">Unique name within the study.</param>
/// <param name="DemonstratorByTask">The demonstrator for each task of the study (resolved: the file's name, its
/// per-task map, or the task's default demonstrator).</param>
/// <param name="Regime">"synthetic", "human-like", ... (validated by the catalog).</param>
/// <param name="Parameters">Regime parameters.</param>
/// <param name="TrainEpisodes">Episodes the algorithms learn from.</param>
/// <param name="ValidationEpisodes">Held-out episodes for offline proxies.</param>
public sealed record DemonstrationSetDefinition(
    string Name,
    IReadOnlyDictionary<string, string> DemonstratorByTask,
    string Regime,
    HyperparameterSet Parameters,
    int TrainEpisodes,
    int ValidationEpisodes)
{
    /// <summary>Null for a generated set. For a set read from files (the <c>file:</c> key), the file of each task it
    /// covers; the set is planned for those tasks only (<see cref="DemonstratorByTask"/> then holds the demonstrator
    /// each file names, and <see cref="Regime"/> is <see cref="FileRegime"/>).</summary>
    public IReadOnlyDictionary<string, DemoFileDefinition>? Files { get; init; }

    /// <summary>The version of each task's demonstrator where it is a trained artifact (absent for scripted ones);
    /// the planner copies it into <see cref="DemoSpec.DemonstratorVersion"/>.</summary>
    public IReadOnlyDictionary<string, string> DemonstratorVersionByTask { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The regime recorded for a set read from files: its episodes were recorded elsewhere.</summary>
    public const string FileRegime = "file";
}

/// <summary>A demonstration file of a study, checked at load.</summary>
/// <param name="Path">The file's path: the study file's <c>file:</c> value resolved against the study file's folder.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its bytes (what runs carry, <see cref="DemoFileSpec"/>).</param>
/// <param name="Episodes">Episodes the file holds.</param>
/// <param name="HasRewards">Whether its steps carry rewards (then its mean return is the demonstrator reference).</param>
/// <param name="ReferenceReturn">The study's explicit <c>reference_return</c> for this task, if given.</param>
public sealed record DemoFileDefinition(string Path, string Sha256, int Episodes, bool HasRewards, double? ReferenceReturn);

/// <summary>An algorithm of a study with its budget and search space (or its fixed configurations).</summary>
/// <param name="Name">Algorithm name (catalog).</param>
/// <param name="Budget">Gradient steps (offline algorithms) or environment steps (online ones).</param>
/// <param name="Samples">Configurations drawn from <paramref name="Space"/> (the number of fixed configurations when
/// <see cref="Configurations"/> is set).</param>
/// <param name="Space">Search space; empty = the algorithm's defaults (and when <see cref="Configurations"/> is set).</param>
public sealed record AlgorithmDefinition(string Name, long Budget, int Samples, SearchSpace Space)
{
    /// <summary>Explicit configurations (the <c>configurations</c> key) instead of samples of a space; null when the
    /// algorithm samples its space. Used by follow-up studies that re-run chosen configurations.</summary>
    public IReadOnlyList<FixedConfiguration>? Configurations { get; init; }
}

/// <summary>One explicit configuration of an algorithm, optionally restricted to some tasks and demonstration sets
/// (null = all of the study's). Its id is <see cref="ConfigurationSampler.ConfigurationId"/> of its values, so the
/// same values get the same id as when an earlier study sampled them.</summary>
public sealed record FixedConfiguration(HyperparameterSet Hyperparameters, IReadOnlyList<string>? Tasks, IReadOnlyList<string>? Demonstrations)
{
    public bool AppliesTo(string task, string demonstrations) =>
        (Tasks is null || Tasks.Contains(task, StringComparer.Ordinal))
        && (Demonstrations is null || Demonstrations.Contains(demonstrations, StringComparer.Ordinal));

    /// <summary>True when some (task, demonstration set) is covered by both.</summary>
    public bool Overlaps(FixedConfiguration other) =>
        (Tasks is null || other.Tasks is null || Tasks.Intersect(other.Tasks, StringComparer.Ordinal).Any())
        && (Demonstrations is null || other.Demonstrations is null || Demonstrations.Intersect(other.Demonstrations, StringComparer.Ordinal).Any());
}
