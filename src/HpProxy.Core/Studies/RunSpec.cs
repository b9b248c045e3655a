using HpProxy.Core.Spaces;

namespace HpProxy.Core.Studies;

/// <summary>
/// Everything needed to execute one run, self-contained so that a worker needs only the study database.
/// The run id is a hash of this record's canonical JSON (see <see cref="RunSpecJson"/>), so re-planning the
/// same study file yields the same ids and editing it adds only the new runs.
/// </summary>
public sealed record RunSpec(
    string Task,
    DemoSpec Demonstrations,
    string Algorithm,
    string ConfigId,
    HyperparameterSet Hyperparameters,
    int Seed,
    long Budget,
    int Checkpoints,
    EvaluationSpec Evaluation,
    IReadOnlyList<ProxySpec> Proxies);

/// <summary>
/// A demonstration set: who demonstrates, in which regime, how many episodes and how they are split.
/// Generation is deterministic in (task, this record), so every worker regenerates the same set.
/// </summary>
/// <param name="Name">Name in the study file (e.g. "synthetic-20").</param>
/// <param name="Demonstrator">Scripted controller or trained expert name (e.g. "energy-shaping").</param>
/// <param name="Regime">"synthetic" or "human-like".</param>
/// <param name="Parameters">Regime parameters (noise scale, correlation, hesitation probability, ...).</param>
/// <param name="TrainEpisodes">Episodes the algorithms learn from.</param>
/// <param name="ValidationEpisodes">Held-out episodes for offline proxies.</param>
/// <param name="Seed">Seed of the demonstration episodes.</param>
public sealed record DemoSpec(
    string Name,
    string Demonstrator,
    string Regime,
    HyperparameterSet Parameters,
    int TrainEpisodes,
    int ValidationEpisodes,
    ulong Seed)
{
    /// <summary>Set when the episodes come from a file (a study's <c>file:</c> key) instead of a demonstrator: the
    /// file's content hash, so a run's id changes with the data and only with them. Null for generated sets (whose
    /// canonical JSON, and so their run ids, are what they were before files existed).</summary>
    public DemoFileSpec? File { get; init; }

    /// <summary>Set when the demonstrator is a trained artifact (a <c>sac-expert</c>): the first 16 hex digits of the
    /// artifact's SHA-256, so a run's id changes when the expert is retrained, and a worker whose expert is not
    /// this one refuses the run instead of silently generating other demonstrations under the same id. Null for
    /// scripted controllers and file sets (their canonical JSON, and so their run ids, are unchanged).</summary>
    public string? DemonstratorVersion { get; init; }
}

/// <summary>A demonstration set read from a Parquet RLDS file, as a run spec carries it. The path is deliberately
/// not part of it (moving or renaming the file keeps the run ids); workers find the file by its hash.</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="ReferenceReturn">The study's explicit demonstrator reference return for the normalised score, or
/// null to use the mean return of the file's selected episodes (which then must carry rewards).</param>
public sealed record DemoFileSpec(string Sha256, double? ReferenceReturn);

/// <summary>Deterministic evaluation at each checkpoint: <paramref name="Episodes"/> episodes with fixed seeds
/// derived from <paramref name="Seed"/> (the same seeds for every run of the study).</summary>
public sealed record EvaluationSpec(int Episodes, ulong Seed);

/// <summary>A proxy enabled in the study and its settings (e.g. Sinkhorn ε, subsample cap).</summary>
public sealed record ProxySpec(string Name, HyperparameterSet Settings);
