using HpProxy.Core.Spaces;

namespace HpProxy.Core.Envs.Demonstrators.Regimes;

/// <summary>
/// The synthetic regime (SPEC.md §3): a good policy sampled stochastically, a = clip(π(s) + σ·ε, −1, 1),
/// ε ~ N(0, I) independently per step and dimension.
/// </summary>
/// <param name="Noise">σ, parameter <c>noise</c>. Default 0.1: the exploration scale of TD3/SAC-style expert
/// rollouts (Fujimoto et al. 2018 use 0.1), small enough to keep the expert's return.</param>
public sealed record SyntheticRegimeConfig(double Noise = 0.1)
{
    public const string RegimeName = "synthetic";

    public static readonly IReadOnlyCollection<string> ParameterNames = ["noise"];

    public static IReadOnlyList<string> Validate(HyperparameterSet parameters) => Bind(parameters).Errors;

    public static SyntheticRegimeConfig From(HyperparameterSet parameters)
    {
        var (config, errors) = Bind(parameters);
        return errors.Count == 0 ? config : throw new ArgumentException(string.Join("; ", errors), nameof(parameters));
    }

    private static (SyntheticRegimeConfig Config, List<string> Errors) Bind(HyperparameterSet p)
    {
        var errors = RegimeParameters.Unknown(RegimeName, p, ParameterNames);
        var d = new SyntheticRegimeConfig();
        double noise = RegimeParameters.Read(errors, () => p.GetDouble("noise", d.Noise), d.Noise);
        RegimeParameters.Range(errors, RegimeName, "noise", noise, 0, 10);
        return (new SyntheticRegimeConfig(noise), errors);
    }
}
