using HpProxy.Core.Analysis;
using YamlDotNet.RepresentationModel;

namespace HpProxy.Core.Studies;

internal sealed partial class StudyValidator
{
    internal static readonly string[] AnalysisKeys = ["budget", "budget_curve", "resamples", "interval", "seed", "oracle"];

    /// <summary>
    /// The optional <c>analysis</c> section: settings of SPEC §6 (selection budget K, budget curve, resamples B,
    /// interval quantiles, resampling seed, oracle column). It changes no run (it is not part of any run spec), and
    /// the report can override it later. Absent keys keep <see cref="AnalysisSettings"/>' defaults, except the seed,
    /// which defaults to the study seed.
    /// </summary>
    private AnalysisSettings? ReadAnalysis(StudyFields f, long? studySeed)
    {
        var defaults = new AnalysisSettings { Seed = (ulong)(studySeed ?? 0) };
        if (f.GetPresent("analysis") is not { } node) return defaults;
        var a = _r.Mapping(node, "analysis", AnalysisKeys, []);
        if (a is null) return null;
        int errorsBefore = _r.Errors.Count;
        var settings = defaults;

        if (a.GetPresent("budget") is { } k && _r.Integer(k, a.PathOf("budget"), 1, 1_000_000) is { } budget)
            settings = settings with { Budget = (int)budget };
        if (a.GetPresent("budget_curve") is { } c && ReadBudgetCurve(c, a.PathOf("budget_curve")) is { } curve)
            settings = settings with { BudgetCurve = curve };
        if (a.GetPresent("resamples") is { } b && _r.Integer(b, a.PathOf("resamples"), 1, 10_000_000) is { } resamples)
            settings = settings with { Resamples = (int)resamples };
        if (a.GetPresent("seed") is { } s && _r.Integer(s, a.PathOf("seed"), 0, 1L << 53) is { } seed)
            settings = settings with { Seed = (ulong)seed };
        if (a.GetPresent("interval") is { } i && _r.Sequence(i, a.PathOf("interval"), nonEmpty: true) is { } bounds)
        {
            if (bounds.Count != 2)
            {
                _r.Error(i, a.PathOf("interval"), "expected [lower, upper] quantiles, e.g. [0.05, 0.95]");
            }
            else if (_r.Number(bounds[0], a.PathOf("interval")) is { } lower && _r.Number(bounds[1], a.PathOf("interval")) is { } upper)
            {
                settings = settings with { LowerQuantile = lower, UpperQuantile = upper };
            }
        }
        if (a.GetPresent("oracle") is { } o && _r.String(o, a.PathOf("oracle")) is { } oracle)
        {
            switch (oracle)
            {
                case "normalized_score": settings = settings with { Oracle = OracleMetric.NormalizedScore }; break;
                case "return": settings = settings with { Oracle = OracleMetric.Return }; break;
                default:
                    _r.Error(o, a.PathOf("oracle"), $"unknown oracle '{oracle}'{NameSuggestions.Hint(oracle, ["normalized_score", "return"], "known")}");
                    break;
            }
        }
        if (_r.Errors.Count > errorsBefore) return null;
        foreach (var problem in settings.Validate()) _r.Error(node, "analysis", problem);
        return _r.Errors.Count > errorsBefore ? null : settings;
    }

    /// <summary>Budget curve points: integers ≥ 1, or <c>all</c> (every configuration).</summary>
    private List<int>? ReadBudgetCurve(YamlNode node, string path)
    {
        if (_r.Sequence(node, path, nonEmpty: true) is not { } items) return null;
        var curve = new List<int>();
        bool ok = true;
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: "all" })
            {
                curve.Add(int.MaxValue);
                continue;
            }
            if (_r.Integer(item, path, 1, 1_000_000) is { } k) curve.Add((int)k);
            else ok = false;
        }
        return ok ? curve : null;
    }
}
