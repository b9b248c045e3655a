namespace HpProxy.Core.Agents.Rewards;

/// <summary>
/// How an adversarial learner turns the discriminator logit ℓ = log D − log(1 − D) (expert label 1) into a
/// reward. The sign of the transform decides an implicit bias when episodes can end early (Kostrikov et al.
/// 2019, §4.1): always-positive rewards favour surviving, always-negative ones favour ending the episode.
/// Each transform records its bias in <see cref="Bias"/> so a study can report it.
/// </summary>
public abstract class RewardTransform
{
    private RewardTransform(string name, string bias)
    {
        Name = name;
        Bias = bias;
    }

    public string Name { get; }

    /// <summary>"survival" (reward &gt; 0), "termination" (reward &lt; 0) or "none" (either sign).</summary>
    public string Bias { get; }

    public abstract double Apply(double logit);

    public static readonly RewardTransform Gail = new GailTransform();
    public static readonly RewardTransform LogD = new LogDTransform();
    public static readonly RewardTransform Airl = new AirlTransform();
    public static readonly RewardTransform Fairl = new FairlTransform();
    public static readonly RewardTransform ForwardKl = new ForwardKlTransform();

    public static IReadOnlyList<RewardTransform> All { get; } = [Gail, LogD, Airl, Fairl, ForwardKl];

    public static IReadOnlyList<string> Names { get; } = All.Select(t => t.Name).ToArray();

    public static RewardTransform Parse(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"unknown reward transform '{name}'");

    /// <summary>softplus(x) = log(1 + eˣ), computed without overflow.</summary>
    public static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));

    /// <summary>GAIL (Ho &amp; Ermon 2016, as in Kostrikov et al. 2019): r = −log(1 − D) = softplus(ℓ) &gt; 0.</summary>
    private sealed class GailTransform() : RewardTransform("gail", "survival")
    {
        public override double Apply(double logit) => Softplus(logit);
    }

    /// <summary>r = log D = −softplus(−ℓ) &lt; 0 (the "minimax" form; Fu et al. 2018 discuss both).</summary>
    private sealed class LogDTransform() : RewardTransform("log_d", "termination")
    {
        public override double Apply(double logit) => -Softplus(-logit);
    }

    /// <summary>AIRL (Fu et al. 2018): r = log D − log(1 − D) = ℓ, which recovers the reverse-KL objective
    /// (Ghasemipour et al. 2019, Table 1); either sign, so no fixed bias.</summary>
    private sealed class AirlTransform() : RewardTransform("airl", "none")
    {
        public override double Apply(double logit) => logit;
    }

    /// <summary>The logit bound of the exponential transforms: e^ℓ overflows float32 near ℓ ≈ 88, and at ℓ = 20
    /// (D = 1 − 2·10⁻⁹) the ratio e^ℓ = 4.9e8 is already past anything a critic can use.</summary>
    public const double ExpClip = 20;

    /// <summary>FAIRL as published (Ghasemipour et al. 2019, Table 1; their code and Acme's <c>fairl_reward</c>):
    /// r = −ℓ·e^ℓ, with the logit clipped to [−20, 20] first. At the optimal discriminator E_π[−ℓe^ℓ] equals
    /// −KL(ρ_E‖ρ_π), but an RL learner follows the reward with ℓ held fixed, and that gradient is not the forward
    /// KL's: the reward peaks at ℓ = −1 and falls without bound for more expert-like transitions, so where the
    /// discriminator is sure of the expert (ℓ ≫ 0) the agent is pushed away from it (decision 0008).</summary>
    private sealed class FairlTransform() : RewardTransform("fairl", "none")
    {
        public override double Apply(double logit)
        {
            double l = Math.Clamp(logit, -ExpClip, ExpClip);
            return -l * Math.Exp(l);
        }
    }

    /// <summary>The forward KL KL(ρ_E‖ρ_π) in its f-MAX form (Ghasemipour et al. 2019, §4: r = f*(f′(ρ_E/ρ_π)) with
    /// f(u) = u·log u): r = e^ℓ = D/(1 − D), the density ratio. Its derivative with respect to the agent's
    /// occupancy, ∂KL/∂ρ_π = −ρ_E/ρ_π = −e^ℓ, is exactly what a fixed per-transition reward must be for RL to
    /// descend the forward KL (AIRL's ℓ is that derivative, up to a constant, for the reverse KL). Increasing in
    /// ℓ everywhere and always positive, so it carries GAIL's survival bias (absorbing states remove it). The
    /// logit is capped at <see cref="ExpClip"/> against overflow.</summary>
    private sealed class ForwardKlTransform() : RewardTransform("fkl", "survival")
    {
        public override double Apply(double logit) => Math.Exp(Math.Min(logit, ExpClip));
    }
}
