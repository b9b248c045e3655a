using HpProxy.Core.Proxies.Transport;
using HpProxy.Core.Spaces;
using static HpProxy.Core.Proxies.SettingsBinder;

namespace HpProxy.Core.Proxies;

/// <summary>Settings of "exact_wasserstein" (exact W1 on small subsamples); defaults in one place.</summary>
public sealed record ExactWassersteinSettings
{
    /// <summary>200 points per side: the exact solver is O(n³) (≈ 10⁷ steps at 200), a few tens of ms.</summary>
    public int MaxPoints { get; init; } = 200;

    public GroundCost Cost { get; init; } = GroundCost.Euclidean;

    /// <summary>States only by default, like "state_wasserstein", so the two can be compared.</summary>
    public bool StateActions { get; init; }

    public DemonstrationSource Demonstrations { get; init; } = DemonstrationSource.Train;

    public int Seed { get; init; }

    public static IReadOnlyList<ProxySetting> Describe()
    {
        var d = new ExactWassersteinSettings();
        return
        [
            Integer("max_points", d.MaxPoints, "subsample cap per side (uniform, without replacement)", 1, 2000),
            Choice("cost", d.Cost, "ground cost between points"),
            new ProxySetting("state_actions", Spaces.HpValue.Of(d.StateActions), ProxySettingKind.Choice,
                "compare (s, a) pairs instead of states", Choices: ["true", "false"]),
            Choice("demonstrations", d.Demonstrations, "which demonstrations are the expert side"),
            Integer("seed", d.Seed, "mixed into the subsampling seed", 0, int.MaxValue),
        ];
    }

    public static ExactWassersteinSettings Bind(HyperparameterSet s)
    {
        var d = new ExactWassersteinSettings();
        return new ExactWassersteinSettings
        {
            MaxPoints = s.GetInt("max_points", d.MaxPoints),
            Cost = GetEnum(s, "cost", d.Cost),
            StateActions = s.GetBool("state_actions", d.StateActions),
            Demonstrations = GetEnum(s, "demonstrations", d.Demonstrations),
            Seed = s.GetInt("seed", d.Seed),
        };
    }
}
