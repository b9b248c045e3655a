using HpProxy.Core.Agents.Hyperparameters;
using HpProxy.Core.Agents.Online;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Agents.Sac;
using HpProxy.Core.Agents.Td3;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Agents.Sqil;

/// <summary>
/// "sqil": soft Q imitation (Reddy et al. 2020) on an off-policy backbone — demonstrations with reward 1 and
/// the agent's transitions with reward 0, in balanced batches (<c>expert_mix</c> defaults to 0.5). On tasks that
/// can end early, terminated episodes (the demonstrations' and the agent's) lead into an absorbing state
/// (<see cref="SqilConfig.AbsorbingStates"/>); with <c>absorbing_states: false</c> they keep their terminal flag,
/// as in the paper.
/// </summary>
public sealed class SqilAlgorithm : IAlgorithm
{
    public static readonly SqilConfig Defaults = new();

    /// <summary>The loop's defaults with balanced batches: Reddy et al. 2020, Algorithm 1 (λ_samp = 1).</summary>
    public static readonly OnlineConfig OnlineDefaults = new() { ExpertMix = 0.5 };

    public static readonly SacConfig SacDefaults = new();
    public static readonly Td3Config Td3Defaults = new();

    public static HpSchema Schema { get; } = new(new[]
    {
        HpSpec.Boolean("absorbing_states", Defaults.AbsorbingStates, "absorbing states when the task can terminate early"),
    }.Concat(OffPolicyRl.Specs(Defaults.RlAlgorithm, OnlineDefaults, SacDefaults, Td3Defaults)));

    public string Name => "sqil";

    public bool IsOnline => true;

    public IReadOnlyList<HyperparameterInfo> Hyperparameters => Schema.Infos;

    public IReadOnlyList<string> Validate(HyperparameterSet hyperparameters) => Schema.Validate(hyperparameters, Extra);

    private static IEnumerable<string> Extra(HyperparameterSet hp)
    {
        foreach (string p in OffPolicyRl.CrossCheck(hp, Defaults.RlAlgorithm)) yield return p;
        if (hp.GetDouble("expert_mix", OnlineDefaults.ExpertMix) <= 0) yield return "hyperparameter 'expert_mix' must be > 0 for sqil (its only positive reward comes from demonstrations)";
    }

    public ILearner Create(AgentContext context)
    {
        var hp = context.Hyperparameters;
        Schema.EnsureValid(hp, Extra);
        var online = OnlineHyperparameters.Bind(hp, OnlineDefaults);
        var task = context.Task;
        bool absorbingStates = hp.GetBool("absorbing_states", Defaults.AbsorbingStates) && AbsorbingStates.Needed(task);
        var absorbing = new AbsorbingStates(task.ObservationSize, task.ActionSize, absorbingStates);
        var encoder = new ObservationEncoder(context.Stats, online.NormalizeObservations, absorbing.Enabled);
        var expert = new ReplayBuffer(absorbing.RowsFor(context.Demonstrations.Episodes), encoder.Size, task.ActionSize, isExpert: true);
        absorbing.StoreDemonstrations(expert, context.Demonstrations.Episodes);
        var backbone = OffPolicyRl.CreateBackbone(hp.GetString("rl_algorithm", Defaults.RlAlgorithm), context, hp, SacDefaults, Td3Defaults,
            encoder.Size, online.BatchSize, encoder);
        return new OnlineImitationLearner(context, online, absorbing, new SqilImitationReward(absorbing.Enabled), backbone, expert);
    }
}
