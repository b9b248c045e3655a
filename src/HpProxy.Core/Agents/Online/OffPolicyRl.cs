using HpProxy.Core.Agents.Hyperparameters;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Agents.Rewards;
using HpProxy.Core.Agents.Sac;
using HpProxy.Core.Agents.Td3;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Agents.Online;

/// <summary>
/// The composition root of the online algorithms' shared half: the loop's hyperparameters, the choice of
/// backbone (<c>rl_algorithm</c> = sac | td3) with its hyperparameters, and the backbone factory.
/// <para>
/// <see cref="Create"/> is also the ground-truth sanity mode's entry point: it trains a backbone on an injected
/// <see cref="ITransitionReward"/>. Agents never build one from a true reward; the caller (outside Agents) does.
/// </para>
/// </summary>
public static class OffPolicyRl
{
    public static IReadOnlyList<string> Backbones { get; } = ["sac", "td3"];

    /// <summary>Specs of <c>rl_algorithm</c>, the loop, and the union of SAC's and TD3's hyperparameters (their
    /// shared names have equal defaults, which a test pins).</summary>
    public static IEnumerable<HpSpec> Specs(string defaultBackbone, OnlineConfig online, SacConfig sac, Td3Config td3)
    {
        yield return HpSpec.Choice("rl_algorithm", defaultBackbone, Backbones, "off-policy RL backbone");
        foreach (var s in OnlineHyperparameters.Specs(online)) yield return s;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in SacHyperparameters.Specs(sac).Concat(Td3Hyperparameters.Specs(td3)))
        {
            if (seen.Add(s.Name)) yield return s;
        }
    }

    /// <summary>A hyperparameter of the backbone that is not selected is an error, not silently ignored.</summary>
    public static IEnumerable<string> CrossCheck(HyperparameterSet hp, string defaultBackbone)
    {
        string backbone = hp.GetString("rl_algorithm", defaultBackbone);
        var foreign = backbone == "sac" ? Td3Hyperparameters.Own : SacHyperparameters.Own;
        foreach (string name in foreign)
        {
            if (hp.ContainsKey(name)) yield return $"hyperparameter '{name}' does not apply when rl_algorithm is '{backbone}'";
        }
    }

    public static IOffPolicyBackbone CreateBackbone(string backbone, AgentContext context, HyperparameterSet hp, SacConfig sac, Td3Config td3,
        int observationSize, int batchSize, ObservationEncoder encoder)
    {
        var networks = context.Seeds.Create("networks");
        var exploration = context.Seeds.Create("exploration");
        return backbone switch
        {
            "sac" => new SacLearner(observationSize, context.Task.ActionSize, batchSize, SacHyperparameters.Bind(hp, sac), encoder, networks, exploration),
            "td3" => new Td3Learner(observationSize, context.Task.ActionSize, batchSize, Td3Hyperparameters.Bind(hp, td3), encoder, networks, exploration),
            _ => throw new ArgumentException($"unknown rl_algorithm '{backbone}'"),
        };
    }

    /// <summary>The schema of <see cref="Create"/>'s hyperparameters (backbone + loop).</summary>
    public static HpSchema Schema { get; } = new(Specs("sac", new OnlineConfig(), new SacConfig(), new Td3Config()));

    /// <summary>
    /// Plain off-policy RL on an injected reward (the sanity mode): <paramref name="context"/>'s hyperparameters
    /// are those of <see cref="Schema"/>. No absorbing states: the injected reward defines the task, and termination
    /// stops bootstrapping as usual. The learner exposes no learned reward.
    /// </summary>
    public static ILearner Create(AgentContext context, ITransitionReward reward)
    {
        var hp = context.Hyperparameters;
        Schema.EnsureValid(hp, h => CrossCheck(h, "sac"));
        var online = OnlineHyperparameters.Bind(hp, new OnlineConfig());
        var absorbing = new AbsorbingStates(context.Task.ObservationSize, context.Task.ActionSize, enabled: false);
        var encoder = new ObservationEncoder(context.Stats, online.NormalizeObservations, absorbing: false);
        var backbone = CreateBackbone(hp.GetString("rl_algorithm", "sac"), context, hp, new SacConfig(), new Td3Config(),
            absorbing.StoredObservationSize, online.BatchSize, encoder);
        ReplayBuffer? expert = null;
        if (online.ExpertMix > 0)
        {
            // Demonstration rows are scored by the injected reward like any other row.
            expert = new ReplayBuffer(Math.Max(1, absorbing.RowsFor(context.Demonstrations.Episodes)), encoder.Size, context.Task.ActionSize, isExpert: true);
            absorbing.StoreDemonstrations(expert, context.Demonstrations.Episodes);
        }
        return new OnlineImitationLearner(context, online, absorbing, new InjectedReward(reward), backbone, expert);
    }
}
