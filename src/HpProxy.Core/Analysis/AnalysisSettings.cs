namespace HpProxy.Core.Analysis;

/// <summary>Which true-return column judges the proxies.</summary>
public enum OracleMetric
{
    /// <summary>(R − R_random) / (R_expert − R_random): comparable across tasks (SPEC.md §3).</summary>
    NormalizedScore,

    /// <summary>The raw mean evaluation return.</summary>
    Return,
}

/// <summary>
/// Settings of the analysis of SPEC.md §6; defaults in one place, each with its source. The analysis reads only
/// stored rows, so it can be re-run with other settings on a finished study.
/// </summary>
public sealed record AnalysisSettings
{
    /// <summary>Configurations a practitioner can afford: 25 of ~100 in Hussenot et al. (2021); capped at the pool size.</summary>
    public int Budget { get; init; } = 25;

    /// <summary>Budget curve points (SPEC.md §6); each is capped at the pool size and duplicates after capping dropped.
    /// <see cref="int.MaxValue"/> stands for "all".</summary>
    public IReadOnlyList<int> BudgetCurve { get; init; } = [1, 2, 5, 10, 25, 50, int.MaxValue];

    /// <summary>Bootstrap resamples and selection draws: B ≈ 1000 (SPEC.md §6).</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>Lower quantile of reported intervals: the 5–95% interval of SPEC.md §6.</summary>
    public double LowerQuantile { get; init; } = 0.05;

    /// <summary>Upper quantile of reported intervals.</summary>
    public double UpperQuantile { get; init; } = 0.95;

    /// <summary>Root seed of every resampling stream (groups and budgets get named child streams).</summary>
    public ulong Seed { get; init; }

    public OracleMetric Oracle { get; init; } = OracleMetric.NormalizedScore;

    /// <summary>Every problem at once; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Budget < 1) errors.Add($"analysis budget K = {Budget} must be at least 1");
        if (BudgetCurve.Count == 0) errors.Add("analysis budget curve must list at least one K");
        if (BudgetCurve.Any(k => k < 1)) errors.Add("analysis budget curve values must be at least 1");
        if (Resamples < 1) errors.Add($"analysis resamples B = {Resamples} must be at least 1");
        if (!(LowerQuantile >= 0 && LowerQuantile < UpperQuantile && UpperQuantile <= 1))
            errors.Add($"analysis quantiles must satisfy 0 ≤ lower ({LowerQuantile}) < upper ({UpperQuantile}) ≤ 1");
        return errors;
    }
}
