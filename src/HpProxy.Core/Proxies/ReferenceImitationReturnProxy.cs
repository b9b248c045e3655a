using System.Runtime.CompilerServices;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Proxies.Rewards;
using HpProxy.Core.Spaces;
using static HpProxy.Core.Proxies.SettingsBinder;

namespace HpProxy.Core.Proxies;

/// <summary>Settings of "reference_imitation_return"; defaults from PWIL (Dadashi et al. 2021).</summary>
public sealed record ReferenceRewardSettings
{
    /// <summary>α = 5 (PWIL paper, all tasks).</summary>
    public double Alpha { get; init; } = 5;

    /// <summary>β = 5 (PWIL paper, all tasks).</summary>
    public double Beta { get; init; } = 5;

    /// <summary>Couple (s, a) as PWIL's default does; true couples states only.</summary>
    public bool StateOnly { get; init; }

    /// <summary>0 = the longest train demonstration episode.</summary>
    public int Horizon { get; init; }

    /// <summary>Keep every k-th expert transition as an atom; 1 (all) suits the small classic-control sets,
    /// 20 is PWIL's choice for MuJoCo-size demonstrations.</summary>
    public int Subsampling { get; init; } = 1;

    public static IReadOnlyList<ProxySetting> Describe()
    {
        var d = new ReferenceRewardSettings();
        return
        [
            Number("alpha", d.Alpha, "reward scale α", 0, 1e6),
            Number("beta", d.Beta, "reward sharpness β", 0, 1e6),
            new ProxySetting("state_only", HpValue.Of(d.StateOnly), ProxySettingKind.Choice, "couple states only", Choices: ["true", "false"]),
            Integer("horizon", d.Horizon, "episode horizon T (0: longest train demonstration)", 0, 10_000_000),
            Integer("subsampling", d.Subsampling, "keep every k-th expert transition as an atom", 1, 1000),
        ];
    }

    public static ReferenceRewardSettings Bind(HyperparameterSet s)
    {
        var d = new ReferenceRewardSettings();
        return new ReferenceRewardSettings
        {
            Alpha = s.GetDouble("alpha", d.Alpha),
            Beta = s.GetDouble("beta", d.Beta),
            StateOnly = s.GetBool("state_only", d.StateOnly),
            Horizon = s.GetInt("horizon", d.Horizon),
            Subsampling = s.GetInt("subsampling", d.Subsampling),
        };
    }
}

/// <summary>
/// "reference_imitation_return": mean over the evaluation rollouts of the return under a fixed PWIL reward
/// built once per train demonstration set (<see cref="PwilReferenceReward"/>), so every algorithm is scored
/// on one scale. Higher is better; NaN without rollouts.
/// </summary>
public sealed class ReferenceImitationReturnProxy(ReferenceRewardSettings settings) : IProxy
{
    public const string ProxyName = "reference_imitation_return";

    // Built once per demonstration set and settings within the process; the demonstration source caches sets,
    // so every run of a (task, demo set) shares one reward.
    private static readonly ConditionalWeakTable<DemonstrationSet, Dictionary<ReferenceRewardSettings, PwilReferenceReward>> Cache = new();

    public ReferenceRewardSettings Settings { get; } = settings;
    public string Name => ProxyName;
    public ProxyDirection Direction => ProxyDirection.HigherIsBetter;
    public ProxyReads Reads => ProxyReads.AgentRollouts | ProxyReads.TrainDemonstrations;
    public string Description => "mean rollout return under a fixed PWIL reward built from the train demonstrations";

    public double Compute(ProxyInputs inputs)
    {
        if (inputs.Rollouts.Count == 0) return double.NaN;
        var reward = RewardFor(inputs.TrainDemonstrations, inputs.Stats);
        double total = 0;
        foreach (var e in inputs.Rollouts) total += reward.EpisodeReturn(e, inputs.Stats);
        return total / inputs.Rollouts.Count;
    }

    private PwilReferenceReward RewardFor(DemonstrationSet demos, ObservationStats stats)
    {
        var bySettings = Cache.GetValue(demos, _ => []);
        lock (bySettings)
        {
            if (!bySettings.TryGetValue(Settings, out var reward))
            {
                reward = new PwilReferenceReward(demos, stats, Settings.StateOnly, Settings.Alpha, Settings.Beta, Settings.Horizon, Settings.Subsampling);
                bySettings[Settings] = reward;
            }
            return reward;
        }
    }
}
