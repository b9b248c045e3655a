using HpProxy.Core.Proxies.Transport;
using HpProxy.Core.Spaces;
using static HpProxy.Core.Proxies.SettingsBinder;

namespace HpProxy.Core.Proxies;

/// <summary>How the entropic regulariser ε is expressed.</summary>
public enum EpsilonScale
{
    /// <summary>ε_abs = ε × mean entry of the cost matrix: scale-free across tasks of different dimension.</summary>
    MeanCost,

    /// <summary>ε is absolute, in cost units (POT's <c>reg</c>).</summary>
    Absolute,
}

/// <summary>Settings of the Sinkhorn proxies ("state_wasserstein", "state_action_wasserstein"); defaults in one place.</summary>
public sealed record WassersteinSettings
{
    /// <summary>
    /// 0.01 relative to the mean cost (measured, bench/HpProxy.Bench ProxiesBench): standardised states put mean
    /// pairwise distances near √(2·d), so a relative ε keeps the same bias across tasks. At 0.01 × mean cost the
    /// entropic cost is within ~0.5% of exact W1 (n = 200–500, d = 11), against +10–14% at 0.05 and +30% at 0.1;
    /// 200 iterations then leave a marginal error ~1e-4, where the cost is stable to ~1e-4 relative.
    /// </summary>
    public double Epsilon { get; init; } = 0.01;

    public EpsilonScale EpsilonScale { get; init; } = EpsilonScale.MeanCost;

    /// <summary>Ground cost: Euclidean, so the transport cost is an entropic W1 (the paper's proxy).</summary>
    public GroundCost Cost { get; init; } = GroundCost.Euclidean;

    /// <summary>Subsample cap per side: 1000 points keep a solve to ~0.1–0.3 s (a 1000² single-precision cost matrix).</summary>
    public int MaxPoints { get; init; } = 1000;

    /// <summary>Iteration cap: ≈ 0.3–0.4 s of one core for 1000 × 1000 points at the default ε.</summary>
    public int Iterations { get; init; } = 200;

    /// <summary>ε-scaling ratio (0 = off). Measured: no gain at the default ε and 200 iterations, so off.</summary>
    public double EpsilonScaling { get; init; }

    /// <summary>L1 marginal error at which iterations stop (single-precision floor ≈ 1e-6).</summary>
    public double Tolerance { get; init; } = Sinkhorn.DefaultTolerance;

    /// <summary>Expert side: the train demonstrations, which the agent imitates (Hussenot et al. 2021 compare with the expert demonstrations).</summary>
    public DemonstrationSource Demonstrations { get; init; } = DemonstrationSource.Train;

    /// <summary>Mixed into the subsampling seed stream, to study the proxy's sampling variance.</summary>
    public int Seed { get; init; }

    public static IReadOnlyList<ProxySetting> Describe()
    {
        var d = new WassersteinSettings();
        return
        [
            Number("epsilon", d.Epsilon, "entropic regulariser ε (see epsilon_scale)", 1e-6, 1e6),
            Choice("epsilon_scale", d.EpsilonScale, "mean_cost: ε × mean cost; absolute: ε in cost units (POT's reg)"),
            Choice("cost", d.Cost, "ground cost between points"),
            Integer("max_points", d.MaxPoints, "subsample cap per side (uniform, without replacement); two n·m float matrices are held", 2, 5000),
            Integer("iterations", d.Iterations, "maximum Sinkhorn iterations", 1, 1_000_000),
            Number("epsilon_scaling", d.EpsilonScaling, "ε-scaling ratio in [0, 1); 0 = off", 0, 0.99),
            Number("tolerance", d.Tolerance, "stop when the L1 marginal error is below this", 0, 1),
            Choice("demonstrations", d.Demonstrations, "which demonstrations are the expert side"),
            Integer("seed", d.Seed, "mixed into the subsampling seed", 0, int.MaxValue),
        ];
    }

    public static WassersteinSettings Bind(HyperparameterSet s)
    {
        var d = new WassersteinSettings();
        return new WassersteinSettings
        {
            Epsilon = s.GetDouble("epsilon", d.Epsilon),
            EpsilonScale = GetEnum(s, "epsilon_scale", d.EpsilonScale),
            Cost = GetEnum(s, "cost", d.Cost),
            MaxPoints = s.GetInt("max_points", d.MaxPoints),
            Iterations = s.GetInt("iterations", d.Iterations),
            EpsilonScaling = s.GetDouble("epsilon_scaling", d.EpsilonScaling),
            Tolerance = s.GetDouble("tolerance", d.Tolerance),
            Demonstrations = GetEnum(s, "demonstrations", d.Demonstrations),
            Seed = s.GetInt("seed", d.Seed),
        };
    }
}
