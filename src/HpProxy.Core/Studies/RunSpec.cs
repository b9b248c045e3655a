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
    ulong Seed);

/// <summary>Deterministic evaluation at each checkpoint: <paramref name="Episodes"/> episodes with fixed seeds
/// derived from <paramref name="Seed"/> (the same seeds for every run of the study).</summary>
public sealed record EvaluationSpec(int Episodes, ulong Seed);

/// <summary>A proxy enabled in the study and its settings (e.g. Sinkhorn ε, subsample cap).</summary>
public sealed record ProxySpec(string Name, HyperparameterSet Settings);
