using System.Globalization;
using HpProxy.Cli.Parsing;
using HpProxy.Core.Analysis;

namespace HpProxy.Cli.Commands;

/// <summary>What <c>hpproxy analyze</c> was asked, checked before anything is read (a bad value is exit code 2).
/// Unset analysis options keep the study file's declared settings.</summary>
internal sealed record AnalyzeOptions(
    int? K,
    int? Draws,
    ulong? Seed,
    IReadOnlyList<int>? Budgets,
    OracleMetric? Oracle,
    IReadOnlyList<string>? Proxies,
    string? Out,
    bool Json,
    bool FollowUp,
    int FollowUpSeeds,
    string? FollowUpStudy)
{
    /// <summary>Fresh seeds per picked configuration in a follow-up study: three, enough for a mean that a single
    /// lucky seed does not dominate, at a small fraction of the original study's cost.</summary>
    public const int DefaultFollowUpSeeds = 3;

    public static readonly string[] OracleNames = ["score", "return"];

    public static IReadOnlyList<OptionSpec> Specs { get; } =
    [
        new("k", "K", "selection budget: configurations drawn per selection (default: the study file's, else 25)"),
        new("draws", "B", "selection draws and bootstrap resamples (default: the study file's, else 1000)"),
        new("seed", "N", "seed of the draws (default: the study file's analysis seed, else the study seed)"),
        new("budgets", "LIST", "budget curve, e.g. 1,2,5,10,25,50,all"),
        new("oracle", "score|return", "judge proxies by the normalised score (default) or the raw return"),
        new("proxies", "A,B", "analyse only these proxies"),
        new("out", "DIR|FILE", "report folder (default <results>/<study>/report); with --follow-up the study file to write"),
        new("json", null, "print the analysis as JSON instead of the summary"),
        new("follow-up", null, "write the winner's-curse follow-up study instead (re-runs each selector's pick on fresh seeds)"),
        new("seeds", "N", "with --follow-up: fresh seeds per configuration (default 3)"),
        new("follow-up-study", "NAME", "the follow-up study whose fresh seeds the winner's curse uses (default <study>-followup if it exists)"),
    ];

    public static AnalyzeOptions Parse(ParsedCommand cmd)
    {
        bool followUp = cmd.Flag("follow-up");
        if (!followUp && cmd.Value("seeds") is not null) throw new UsageException("--seeds applies to --follow-up only", cmd.Name);
        if (followUp && cmd.Flag("json")) throw new UsageException("--json prints the analysis; it cannot be combined with --follow-up", cmd.Name);
        if (followUp && cmd.Value("follow-up-study") is not null) throw new UsageException("--follow-up-study names an existing follow-up; it cannot be combined with --follow-up", cmd.Name);
        return new AnalyzeOptions(
            cmd.Value("k") is null ? null : cmd.Int("k", 25, 1, 1_000_000),
            cmd.Value("draws") is null ? null : cmd.Int("draws", 1000, 1, 1_000_000),
            ParseSeed(cmd),
            ParseBudgets(cmd),
            ParseOracle(cmd),
            ParseProxies(cmd),
            cmd.Value("out"),
            cmd.Flag("json"),
            followUp,
            cmd.Int("seeds", DefaultFollowUpSeeds, 1, 1000),
            cmd.Value("follow-up-study"));
    }

    /// <summary>The study file's declared settings with the options given on the command line.</summary>
    public AnalysisSettings Apply(AnalysisSettings declared)
    {
        var s = declared;
        if (K is { } k) s = s with { Budget = k };
        if (Draws is { } b) s = s with { Resamples = b };
        if (Seed is { } seed) s = s with { Seed = seed };
        if (Budgets is { } budgets) s = s with { BudgetCurve = budgets };
        if (Oracle is { } oracle) s = s with { Oracle = oracle };
        return s;
    }

    private static ulong? ParseSeed(ParsedCommand cmd)
    {
        string? text = cmd.Value("seed");
        if (text is null) return null;
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
            throw new UsageException($"--seed must be a non-negative integer, not '{text}'", cmd.Name);
        return seed;
    }

    private static List<int>? ParseBudgets(ParsedCommand cmd)
    {
        string? text = cmd.Value("budgets");
        if (text is null) return null;
        var budgets = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part == "all") budgets.Add(int.MaxValue);
            else if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k >= 1) budgets.Add(k);
            else throw new UsageException($"--budgets takes integers ≥ 1 and 'all', comma-separated (e.g. 1,2,5,10,25,50,all), not '{part}'", cmd.Name);
        }
        return budgets;
    }

    private static OracleMetric? ParseOracle(ParsedCommand cmd) => cmd.Value("oracle") switch
    {
        null => null,
        "score" => OracleMetric.NormalizedScore,
        "return" => OracleMetric.Return,
        var other => throw new UsageException($"--oracle must be score or return, not '{other}'", cmd.Name),
    };

    private static List<string>? ParseProxies(ParsedCommand cmd)
    {
        string? text = cmd.Value("proxies");
        if (text is null) return null;
        var names = text.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0)) throw new UsageException($"--proxies takes proxy names, comma-separated, not '{text}'", cmd.Name);
        return [.. names.Distinct(StringComparer.Ordinal)];
    }
}
