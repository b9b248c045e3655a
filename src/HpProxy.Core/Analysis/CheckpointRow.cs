namespace HpProxy.Core.Analysis;

/// <summary>
/// One stored checkpoint as the analysis reads it (from the study database only; nothing is retrained).
/// <see cref="OracleReturn"/> and <see cref="NormalizedScore"/> are the true-return side, for judging proxies.
/// </summary>
public sealed record CheckpointRow(
    string RunId,
    string Task,
    string Demonstrations,
    string Algorithm,
    string ConfigId,
    int Seed,
    int CheckpointIndex,
    long Step,
    double OracleReturn,
    double NormalizedScore,
    IReadOnlyDictionary<string, double> Proxies);
