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

    public static IReadOnlyList<RewardTransform> All { get; } = [Gail, LogD, Airl, Fairl];

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

    /// <summary>FAIRL (Ghasemipour et al. 2019, eq. for the forward KL): r = −ℓ·e^ℓ. The logit is clipped to
    /// [−20, 20] first because e^ℓ overflows float32 near ℓ ≈ 88 and the reward is then already −9.7e9.</summary>
    private sealed class FairlTransform() : RewardTransform("fairl", "none")
    {
        public const double Clip = 20;

        public override double Apply(double logit)
        {
            double l = Math.Clamp(logit, -Clip, Clip);
            return -l * Math.Exp(l);
        }
    }
}
