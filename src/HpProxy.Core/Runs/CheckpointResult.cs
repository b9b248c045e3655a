namespace HpProxy.Core.Runs;

/// <summary>
/// What a run records at one checkpoint. The oracle return (mean true return over the evaluation episodes)
/// and the normalised score are for analysis only; proxies are the reward-free scores by name.
/// </summary>
public sealed record CheckpointResult(
    int Index,
    long Step,
    double OracleReturn,
    double NormalizedScore,
    IReadOnlyDictionary<string, double> Proxies,
    double ElapsedSeconds);
