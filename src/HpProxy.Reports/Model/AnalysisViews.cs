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
    IReadOnlyList<EarlyStoppingView> EarlyStopping);

/// <summary>Rank correlation of one proxy with the oracle across the configurations of a group, with 95%
/// bootstrap intervals (resampling configurations).</summary>
public sealed record CorrelationView(
    GroupKey Group,
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
    GroupKey Group,
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
public sealed record BudgetPointView(GroupKey Group, string Proxy, int K, Interval Pick, Interval Oracle, Interval Random);

/// <summary>Early stopping (SPEC.md §6): mean normalised score when the checkpoint is chosen by the proxy, versus the
/// last checkpoint and the oracle-best checkpoint, over the configurations of a group.</summary>
public sealed record EarlyStoppingView(GroupKey Group, string Proxy, double Last, double ProxyChosen, double OracleBest, int Configurations);

/// <summary>A mean with a 5–95% interval.</summary>
public readonly record struct Interval(double Mean, double Low, double High);
