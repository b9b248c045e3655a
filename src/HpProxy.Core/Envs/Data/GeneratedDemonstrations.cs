namespace HpProxy.Core.Envs.Data;

/// <summary>
/// The output of <see cref="DemoGenerator.GenerateSets"/>: the RLDS episodes (with rewards: storage and
/// analysis only), their reward-free train/validation split, and the demonstrator's mean true return.
/// </summary>
public sealed record GeneratedDemonstrations(
    IReadOnlyList<RecordedEpisode> Episodes,
    DemonstrationSet Train,
    DemonstrationSet Validation,
    double DemonstratorReturn);
