using HpProxy.Core.Agents.Hyperparameters;
using HpProxy.Core.Agents.Online;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Agents.Sac;
using HpProxy.Core.Agents.Td3;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Agents.Pwil;

/// <summary>
/// "pwil": primal Wasserstein imitation (Dadashi et al. 2021) — the greedy-coupling reward computed as each
/// step happens, an off-policy backbone, and optionally a replay prefilled with expert transitions at reward α.
/// By default no absorbing states, as in the paper: PWIL's reward is positive, so early termination is penalised (a
/// survival bias, which the paper's locomotion tasks share). <c>absorbing_states: true</c> adds them where the
/// task can end early, with the demonstrations' absorbing steps in the coupling (decision 0008).
/// </summary>
public sealed class PwilAlgorithm : IAlgorithm
{
    public static readonly PwilConfig Defaults = new();
    public static readonly OnlineConfig OnlineDefaults = new();
    public static readonly SacConfig SacDefaults = new();
    public static readonly Td3Config Td3Defaults = new();

    public static IReadOnlyList<string> Inputs { get; } = ["sa", "s"];

    public static HpSchema Schema { get; } = new(new[]
    {
        HpSpec.Choice("pwil_input", Defaults.PwilInput, Inputs, "atoms of the coupling: standardised (s, a) or s"),
        HpSpec.Real("alpha", Defaults.Alpha, 1e-6, 1000, "reward scale α", "{1, 5, 10}"),
        HpSpec.Real("beta", Defaults.Beta, 1e-6, 1000, "kernel width β (σ = β·T/√D)", "{1, 5, 10}"),
        HpSpec.Boolean("expert_prefill", Defaults.ExpertPrefill, "prefill the replay with expert transitions at reward α"),
        HpSpec.Boolean("absorbing_states", Defaults.AbsorbingStates, "absorbing states when the task can terminate early (off: the paper's terminal masks)"),
    }.Concat(OffPolicyRl.Specs(Defaults.RlAlgorithm, OnlineDefaults, SacDefaults, Td3Defaults)));

    public string Name => "pwil";

    public bool IsOnline => true;

    public IReadOnlyList<HyperparameterInfo> Hyperparameters => Schema.Infos;

    public IReadOnlyList<string> Validate(HyperparameterSet hyperparameters) =>
        Schema.Validate(hyperparameters, hp => OffPolicyRl.CrossCheck(hp, Defaults.RlAlgorithm));

    public static PwilConfig Bind(HyperparameterSet hp) => Defaults with
    {
        RlAlgorithm = hp.GetString("rl_algorithm", Defaults.RlAlgorithm),
        PwilInput = hp.GetString("pwil_input", Defaults.PwilInput),
        Alpha = hp.GetDouble("alpha", Defaults.Alpha),
        Beta = hp.GetDouble("beta", Defaults.Beta),
        ExpertPrefill = hp.GetBool("expert_prefill", Defaults.ExpertPrefill),
        AbsorbingStates = hp.GetBool("absorbing_states", Defaults.AbsorbingStates),
    };

    public ILearner Create(AgentContext context)
    {
        var hp = context.Hyperparameters;
        Schema.EnsureValid(hp, h => OffPolicyRl.CrossCheck(h, Defaults.RlAlgorithm));
        var config = Bind(hp);
        var online = OnlineHyperparameters.Bind(hp, OnlineDefaults);
        var task = context.Task;
        var demos = context.Demonstrations;
        var absorbing = new AbsorbingStates(task.ObservationSize, task.ActionSize, config.AbsorbingStates && AbsorbingStates.Needed(task));
        PwilReward NewReward() => new(demos, context.Stats, config.PwilInput == "sa", task.Horizon, config.Alpha, config.Beta, absorbing.Enabled);
        var reward = new PwilImitationReward(NewReward(), new PwilLearnedReward(NewReward()), config.AbsorbingStates ? absorbing : null);
        var encoder = new ObservationEncoder(context.Stats, online.NormalizeObservations, absorbing.Enabled);
        var backbone = OffPolicyRl.CreateBackbone(config.RlAlgorithm, context, hp, SacDefaults, Td3Defaults, encoder.Size, online.BatchSize, encoder);
        ReplayBuffer? expert = null;
        if (online.ExpertMix > 0)
        {
            expert = new ReplayBuffer(absorbing.RowsFor(demos.Episodes), encoder.Size, task.ActionSize, isExpert: true);
            absorbing.StoreDemonstrations(expert, demos.Episodes, stored: (float)config.Alpha);
        }
        int prefillRows = config.ExpertPrefill ? absorbing.RowsFor(demos.Episodes) : 0;
        return new OnlineImitationLearner(context, online, absorbing, reward, backbone, expert,
            config.ExpertPrefill ? buffer => absorbing.StoreDemonstrations(buffer, demos.Episodes, stored: (float)config.Alpha) : null,
            prefillRows);
    }
}
