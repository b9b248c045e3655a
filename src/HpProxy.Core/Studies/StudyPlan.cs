using HpProxy.Core.Spaces;

namespace HpProxy.Core.Studies;

/// <summary>The runs of a study, in a deterministic order (task, demonstration set, algorithm, configuration, seed —
/// each in file order).</summary>
/// <param name="Study">The study planned.</param>
/// <param name="Runs">Every run, once.</param>
/// <param name="Configurations">Distinct configurations per algorithm, in sample order.</param>
/// <param name="Demonstrations">Every (task, demonstration set) pair with its resolved spec: what to generate and
/// store references for before training.</param>
public sealed record StudyPlan(
    StudyDefinition Study,
    IReadOnlyList<PlannedRunSpec> Runs,
    IReadOnlyList<Configuration> Configurations,
    IReadOnlyList<PlannedDemonstrations> Demonstrations);

/// <summary>One planned run: its id, its spec (and the spec's canonical JSON, whose hash the id is) and the fields
/// reports and the store index on.</summary>
public sealed record PlannedRunSpec(
    string RunId,
    RunSpec Spec,
    string SpecJson,
    string Task,
    string Demonstrations,
    string Algorithm,
    string ConfigId,
    int ConfigurationIndex,
    int Seed);

/// <summary>A demonstration set bound to a task.</summary>
public sealed record PlannedDemonstrations(string Task, DemoSpec Spec);
