namespace HpProxy.Core.Analysis;

/// <summary>One (task, demonstration set, algorithm) group of configurations.</summary>
public readonly record struct AnalysisGroup(string Task, string Demonstrations, string Algorithm)
{
    public override string ToString() => $"{Task}/{Demonstrations}/{Algorithm}";
}

/// <summary>
/// Rank correlation of a proxy with the oracle across the configurations of one group. The proxy is oriented
/// so that higher means better (lower-is-better proxies are negated): +1 means the proxy orders configurations
/// exactly as the oracle does. Intervals are bootstrap quantiles over resampled configurations; N counts
/// configurations with both a finite proxy and oracle score.
/// </summary>
public sealed record CorrelationResult(
    string Task,
    string Demonstrations,
    string Algorithm,
    string Proxy,
    double Spearman,
    double SpearmanLow,
    double SpearmanHigh,
    double Kendall,
    double KendallLow,
    double KendallHigh,
    int N);

/// <summary>
/// The selection simulation of SPEC.md §6 at one budget K: B draws of K configurations out of N without
/// replacement; the proxy picks its best, the oracle its best (upper bound), a random pick scores the mean
/// of the drawn configurations (its expectation; lower bound). Scores are the oracle metric (normalised by
/// default) of the picked configuration; Low/High are the settings' quantiles over draws; regret = oracle pick −
/// proxy pick per draw.
/// </summary>
public sealed record SelectionResult(
    string Task,
    string Demonstrations,
    string Algorithm,
    string Proxy,
    int K,
    int N,
    int Draws,
    double ProxyMean,
    double ProxyLow,
    double ProxyHigh,
    double OracleMean,
    double OracleLow,
    double OracleHigh,
    double RandomMean,
    double RandomLow,
    double RandomHigh,
    double RegretMean,
    double RegretLow,
    double RegretHigh);

/// <summary>One point of a budget curve: the selection simulation at budget K (the same draws for every proxy).</summary>
public sealed record BudgetPoint(
    string Task,
    string Demonstrations,
    string Algorithm,
    string Proxy,
    int K,
    int N,
    double ProxyMean,
    double ProxyLow,
    double ProxyHigh,
    double OracleMean,
    double RandomMean,
    double RegretMean);

/// <summary>
/// Early stopping (SPEC.md §6): per run, the checkpoint chosen by the proxy against the last checkpoint and the
/// oracle-best checkpoint; means over the group's runs of the oracle metric. Runs whose proxy is NaN at every
/// checkpoint are left out (<see cref="Runs"/> counts the runs used).
/// </summary>
public sealed record EarlyStoppingResult(
    string Task,
    string Demonstrations,
    string Algorithm,
    string Proxy,
    int Runs,
    double ProxyCheckpointMean,
    double LastCheckpointMean,
    double OracleCheckpointMean);

/// <summary>One algorithm's candidate in algorithm selection: its proxy-selected configuration.</summary>
public sealed record AlgorithmCandidate(string Algorithm, string ConfigId, double ProxyValue, double Score, double OracleBestScore);

/// <summary>
/// Algorithm selection (SPEC.md §6) for one (task, demonstrations) and proxy: each algorithm's configuration is
/// chosen by the proxy among all its configurations; the algorithm whose chosen configuration has the best proxy
/// value wins. Compared with the oracle choice (best configuration of any algorithm by the oracle).
/// Proxies on algorithm-specific scales (imitation_return, diagnostics) are not meaningful here.
/// </summary>
public sealed record AlgorithmSelectionResult(
    string Task,
    string Demonstrations,
    string Proxy,
    string ChosenAlgorithm,
    double ChosenScore,
    string OracleAlgorithm,
    double OracleScore,
    IReadOnlyList<AlgorithmCandidate> Candidates);

/// <summary>
/// HP transfer (SPEC.md §6): the configuration chosen by the oracle on a sibling task (among configuration ids
/// present on both) is applied on the target task; compared with in-situ selection by the proxy on the target
/// (among the same shared configurations) and with the oracle's choice on the target.
/// </summary>
public sealed record TransferResult(
    string Task,
    string Demonstrations,
    string Algorithm,
    string SourceTask,
    string Proxy,
    int SharedConfigurations,
    string TransferredConfigId,
    double TransferScore,
    string InSituConfigId,
    double InSituScore,
    double OracleScore);

/// <summary>
/// Winner's curse for one group and proxy at budget K: mean oracle score, over selection draws, of the proxy's
/// pick and of the oracle's pick, measured on the seeds used to select and on held-out fresh seeds.
/// With <see cref="Source"/> = <see cref="WinnersCurseSource.FollowUp"/>, K = N (one pick over the whole pool) and the
/// fresh seeds are a follow-up study's re-runs of the picks; the picked configuration ids are given.
/// </summary>
public sealed record WinnersCurseResult(
    string Task,
    string Demonstrations,
    string Algorithm,
    string Proxy,
    int K,
    int N,
    int SelectionSeeds,
    int FreshSeeds,
    double ProxySelectionScore,
    double ProxyFreshScore,
    double OracleSelectionScore,
    double OracleFreshScore)
{
    /// <summary>Where the fresh seeds come from.</summary>
    public WinnersCurseSource Source { get; init; } = WinnersCurseSource.SeedSplit;

    /// <summary>The proxy's pick (follow-up only: with a seed split the pick differs per draw).</summary>
    public string? ProxyConfigId { get; init; }

    /// <summary>The oracle's pick (follow-up only).</summary>
    public string? OracleConfigId { get; init; }
}

/// <summary>How the winner's curse got its fresh seeds.</summary>
public enum WinnersCurseSource
{
    /// <summary>The study's own seeds split in halves (<see cref="WinnersCurseAnalysis"/>): the fallback.</summary>
    SeedSplit,

    /// <summary>A follow-up study re-ran the picks on new seeds (<see cref="FollowUpWinnersCurse"/>).</summary>
    FollowUp,
}

/// <summary>Size of one group: configurations, runs (config × seed) and checkpoint rows.</summary>
public sealed record GroupSummary(string Task, string Demonstrations, string Algorithm, int Configurations, int Runs, int Rows);

/// <summary>Everything the analysis computes from stored rows, for the report.</summary>
public sealed record StudyAnalysis(
    AnalysisSettings Settings,
    IReadOnlyDictionary<string, Proxies.ProxyDirection> Proxies,
    IReadOnlyList<GroupSummary> Groups,
    IReadOnlyList<CorrelationResult> Correlations,
    IReadOnlyList<SelectionResult> Selections,
    IReadOnlyList<BudgetPoint> BudgetCurves,
    IReadOnlyList<EarlyStoppingResult> EarlyStopping,
    IReadOnlyList<AlgorithmSelectionResult> AlgorithmSelection,
    IReadOnlyList<TransferResult> Transfer,
    IReadOnlyList<WinnersCurseResult> WinnersCurse);
