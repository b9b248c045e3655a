using HpProxy.Core.Proxies;

namespace HpProxy.Reports.Model;

/// <summary>
/// The statistics a report shows, in the report's own shape. They are filled from the analysis (Core.Analysis)
/// by <see cref="Analysis.AnalysisSource"/>, so figures and tables do not depend on how the analysis is computed.
/// Correlations are <em>oriented</em>: a lower-is-better proxy is negated first, so +1 always means "ranks the
/// configurations exactly as the oracle does".
/// </summary>
public sealed record AnalysisViews(
    IReadOnlyList<CorrelationView> Correlations,
    IReadOnlyList<SelectionView> Selections,
    IReadOnlyList<BudgetPointView> Budget,
    IReadOnlyList<EarlyStoppingView> EarlyStopping,
    IReadOnlyList<AlgorithmSelectionView> AlgorithmSelection,
    IReadOnlyList<TransferView> Transfer)
{
    /// <summary>Winner's curse per group and proxy (from a follow-up study, else a seed split).</summary>
    public IReadOnlyList<WinnersCurseView> WinnersCurse { get; init; } = [];
}

/// <summary>Winner's curse (SPEC.md §6): the normalised score of a proxy's pick (and of the oracle's) on the seeds it was
/// selected on and on fresh seeds. <see cref="FollowUp"/>: fresh seeds from a follow-up study that re-ran the picks over
/// the whole pool (K = pool); otherwise the study's seeds split in halves, averaged over B draws of K.</summary>
public sealed record WinnersCurseView(ReportGroup Group, string Proxy, bool FollowUp, int K, int Pool, int SelectionSeeds, int FreshSeeds,
    double ProxySelection, double ProxyFresh, double OracleSelection, double OracleFresh, string? ProxyConfigId, string? OracleConfigId);

/// <summary>Rank correlation of one proxy with the oracle across the configurations of a group, with 5–95%
/// bootstrap intervals (resampling configurations).</summary>
public sealed record CorrelationView(
    ReportGroup Group,
    string Proxy,
    ProxyDirection Direction,
    double Spearman,
    double SpearmanLow,
    double SpearmanHigh,
    double Kendall,
    double KendallLow,
    double KendallHigh,
    int N);

/// <summary>Selection simulation (SPEC.md §6): draw K of the pool, pick by the proxy, record the normalised score
/// of the pick; mean and 5–95% interval over B draws, next to the oracle pick (upper bound) and a random pick.</summary>
public sealed record SelectionView(
    ReportGroup Group,
    string Proxy,
    int K,
    int Pool,
    Interval Pick,
    Interval Oracle,
    Interval Random)
{
    /// <summary>Mean regret: oracle pick − proxy pick.</summary>
    public double Regret => Oracle.Mean - Pick.Mean;
}

/// <summary>One point of a budget curve: the selection simulation at budget <see cref="K"/>.</summary>
public sealed record BudgetPointView(ReportGroup Group, string Proxy, int K, Interval Pick, Interval Oracle, Interval Random);

/// <summary>Early stopping (SPEC.md §6): mean normalised score when each run's checkpoint is chosen by the proxy, versus
/// the last checkpoint and the oracle-best checkpoint, over the runs of a group.</summary>
public sealed record EarlyStoppingView(ReportGroup Group, string Proxy, double Last, double ProxyChosen, double OracleBest, int Runs);

/// <summary>Algorithm selection (SPEC.md §6): the algorithm whose proxy-selected configuration has the best proxy
/// value, against the oracle's choice of algorithm.</summary>
public sealed record AlgorithmSelectionView(string Task, string Demonstrations, string Proxy, string ChosenAlgorithm, double ChosenScore, string OracleAlgorithm, double OracleScore);

/// <summary>HP transfer (SPEC.md §6): the oracle's configuration on a sibling task applied here, against in-situ
/// selection by the proxy and the oracle's choice here.</summary>
public sealed record TransferView(ReportGroup Group, string SourceTask, string Proxy, int SharedConfigurations, double TransferScore, double InSituScore, double OracleScore);

/// <summary>A mean with a 5–95% interval.</summary>
public readonly record struct Interval(double Mean, double Low, double High);
