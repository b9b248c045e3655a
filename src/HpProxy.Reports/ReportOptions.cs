using HpProxy.Core.Analysis;
using HpProxy.Core.Proxies;

namespace HpProxy.Reports;

/// <summary>
/// What the caller decides about a report: the code version to stamp (the CLI passes <c>git describe</c> or the
/// assembly's informational version) and the analysis settings (SPEC.md §6). Everything else comes from the
/// stored rows, so the same rows and options give byte-identical CSV and Markdown.
/// </summary>
public sealed record ReportOptions
{
    /// <summary>Code version stamped on figures and in the provenance block; falls back to the version the
    /// study recorded when empty.</summary>
    public string? CodeVersion { get; init; }

    /// <summary>K, configurations a practitioner can afford in the selection simulation (SPEC.md §6: 25 of ~100
    /// in Hussenot et al. 2021).</summary>
    public int K { get; init; } = 25;

    /// <summary>B, bootstrap repetitions for selection draws and correlation intervals (SPEC.md §6: B ≈ 1000).</summary>
    public int B { get; init; } = 1000;

    /// <summary>Seed of the bootstrap draws (the analysis is deterministic in it).</summary>
    public ulong Seed { get; init; }

    /// <summary>Budgets of the budget curve; "all" (the whole pool) is always added (SPEC.md §6: 1, 2, 5, 10, 25, 50, all).</summary>
    public IReadOnlyList<int> Budgets { get; init; } = [1, 2, 5, 10, 25, 50];

    /// <summary>Proxy directions; null takes them from the proxy registry. A proxy found in the rows but in
    /// neither is reported as higher-is-better and flagged in the report.</summary>
    public IReadOnlyDictionary<string, ProxyDirection>? ProxyDirections { get; init; }

    /// <summary>Renders PNG and SVG figures (off only for callers that want the tables alone).</summary>
    public bool Figures { get; init; } = true;

    /// <summary>Every analysis setting at once (K, B, seed, budget curve with <see cref="int.MaxValue"/> for "all",
    /// interval, oracle column), as <c>hpproxy analyze</c> passes them. When set it wins over <see cref="K"/>,
    /// <see cref="B"/>, <see cref="Seed"/> and <see cref="Budgets"/>; null derives the settings from those.</summary>
    public AnalysisSettings? Analysis { get; init; }

    /// <summary>Only these proxies are analysed and shown (null: every proxy in the rows). A name that is not in the
    /// rows is an error.</summary>
    public IReadOnlyList<string>? Proxies { get; init; }

    /// <summary>The settings the analysis runs with: <see cref="Analysis"/>, or K, B, seed and budgets (+ "all").</summary>
    public AnalysisSettings EffectiveSettings() => Analysis ?? new AnalysisSettings
    {
        Budget = K,
        Resamples = B,
        Seed = Seed,
        // "all" is int.MaxValue for the analysis (capped at each group's pool).
        BudgetCurve = Budgets.Append(int.MaxValue).ToArray(),
    };
}
