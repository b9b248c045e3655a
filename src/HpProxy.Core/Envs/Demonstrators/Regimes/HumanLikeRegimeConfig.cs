using HpProxy.Core.Spaces;

namespace HpProxy.Core.Envs.Demonstrators.Regimes;

/// <summary>
/// The human-like regime (SPEC.md §3): noisy, temporally correlated, partly suboptimal and multimodal
/// demonstrations, built from a scripted controller. The defaults are ours (no human data is available to
/// fit them); each is chosen to be clearly visible in the data while keeping most of the task's return.
/// </summary>
/// <param name="Noise">Stationary std of the Ornstein–Uhlenbeck action noise (<c>noise</c>), default 0.2:
/// twice the synthetic regime's.</param>
/// <param name="Correlation">Per-step autocorrelation ρ of that noise (<c>correlation</c>), default 0.9:
/// x' = ρx + σ√(1 − ρ²)ε (exact discretisation of an OU process, Uhlenbeck &amp; Ornstein 1930), a correlation
/// time of ≈ 10 steps, like slow human corrections.</param>
/// <param name="Hesitation">Per-step probability of starting a hesitation (<c>hesitation</c>), default 0.02
/// (about one every 50 steps).</param>
/// <param name="HesitationSteps">Longest hesitation in steps (<c>hesitation_steps</c>), default 5; each lasts
/// U{1..max} steps and holds either the previous action or zero (even odds).</param>
/// <param name="SkillMin">Lower bound of the per-episode skill gain (<c>skill_min</c>), default 0.7: each
/// episode scales the controller's action by a gain ~ U(skill_min, 1) (partial suboptimality).</param>
/// <param name="MaxDelay">Longest per-episode reaction delay in steps (<c>max_delay</c>), default 2: each
/// episode acts on the controller's output from U{0..max} steps earlier.</param>
/// <param name="ModeMix">Probability that an episode uses an alternative solution mode when the controller
/// has several (<c>mode_mix</c>), default 0.5: two-mode controllers are then used evenly (multimodality).</param>
public sealed record HumanLikeRegimeConfig(
    double Noise = 0.2,
    double Correlation = 0.9,
    double Hesitation = 0.02,
    int HesitationSteps = 5,
    double SkillMin = 0.7,
    int MaxDelay = 2,
    double ModeMix = 0.5)
{
    public const string RegimeName = "human-like";

    public static readonly IReadOnlyCollection<string> ParameterNames =
        ["noise", "correlation", "hesitation", "hesitation_steps", "skill_min", "max_delay", "mode_mix"];

    public static IReadOnlyList<string> Validate(HyperparameterSet parameters) => Bind(parameters).Errors;

    public static HumanLikeRegimeConfig From(HyperparameterSet parameters)
    {
        var (config, errors) = Bind(parameters);
        return errors.Count == 0 ? config : throw new ArgumentException(string.Join("; ", errors), nameof(parameters));
    }

    private static (HumanLikeRegimeConfig Config, List<string> Errors) Bind(HyperparameterSet p)
    {
        const string r = RegimeName;
        var errors = RegimeParameters.Unknown(r, p, ParameterNames);
        var d = new HumanLikeRegimeConfig();
        var c = new HumanLikeRegimeConfig(
            RegimeParameters.Read(errors, () => p.GetDouble("noise", d.Noise), d.Noise),
            RegimeParameters.Read(errors, () => p.GetDouble("correlation", d.Correlation), d.Correlation),
            RegimeParameters.Read(errors, () => p.GetDouble("hesitation", d.Hesitation), d.Hesitation),
            RegimeParameters.Read(errors, () => p.GetInt("hesitation_steps", d.HesitationSteps), d.HesitationSteps),
            RegimeParameters.Read(errors, () => p.GetDouble("skill_min", d.SkillMin), d.SkillMin),
            RegimeParameters.Read(errors, () => p.GetInt("max_delay", d.MaxDelay), d.MaxDelay),
            RegimeParameters.Read(errors, () => p.GetDouble("mode_mix", d.ModeMix), d.ModeMix));
        RegimeParameters.Range(errors, r, "noise", c.Noise, 0, 10);
        RegimeParameters.Range(errors, r, "correlation", c.Correlation, 0, 0.9999);
        RegimeParameters.Range(errors, r, "hesitation", c.Hesitation, 0, 1);
        RegimeParameters.Range(errors, r, "hesitation_steps", c.HesitationSteps, 1, 1000);
        RegimeParameters.Range(errors, r, "skill_min", c.SkillMin, 0, 1);
        RegimeParameters.Range(errors, r, "max_delay", c.MaxDelay, 0, 100);
        RegimeParameters.Range(errors, r, "mode_mix", c.ModeMix, 0, 1);
        return (c, errors);
    }
}
