using HpProxy.Core.Agents.Hyperparameters;
using HpProxy.Core.Agents.Online;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Agents.Sac;
using HpProxy.Core.Agents.Td3;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Agents.Adversarial;

/// <summary>
/// Factory of one adversarial preset ("gail", "dac", "airl", "fairl"): discriminator + reward transform +
/// absorbing states + an off-policy backbone, wired into the shared online loop.
/// </summary>
public sealed class AdversarialAlgorithm(string name, AdversarialConfig defaults) : IAlgorithm
{
    public static readonly OnlineConfig OnlineDefaults = new();
    public static readonly SacConfig SacDefaults = new();
    public static readonly Td3Config Td3Defaults = new();

    public static AdversarialAlgorithm Gail { get; } = new("gail", AdversarialPresets.Gail);
    public static AdversarialAlgorithm Dac { get; } = new("dac", AdversarialPresets.Dac);
    public static AdversarialAlgorithm Airl { get; } = new("airl", AdversarialPresets.Airl);
    public static AdversarialAlgorithm Fairl { get; } = new("fairl", AdversarialPresets.Fairl);

    public string Name { get; } = name;

    public AdversarialConfig Defaults { get; } = defaults;

    public bool IsOnline => true;

    public HpSchema Schema { get; } = new(AdversarialHyperparameters.Specs(defaults)
        .Concat(OffPolicyRl.Specs(defaults.RlAlgorithm, OnlineDefaults, SacDefaults, Td3Defaults)));

    public IReadOnlyList<HyperparameterInfo> Hyperparameters => Schema.Infos;

    public IReadOnlyList<string> Validate(HyperparameterSet hyperparameters) =>
        Schema.Validate(hyperparameters, hp => OffPolicyRl.CrossCheck(hp, Defaults.RlAlgorithm));

    public ILearner Create(AgentContext context)
    {
        var hp = context.Hyperparameters;
        Schema.EnsureValid(hp, h => OffPolicyRl.CrossCheck(h, Defaults.RlAlgorithm));
        var config = AdversarialHyperparameters.Bind(hp, Defaults);
        var online = OnlineHyperparameters.Bind(hp, OnlineDefaults);
        var task = context.Task;
        // Absorbing states only matter when an episode can end before the horizon (Kostrikov et al. 2019, §4.2).
        var absorbing = new AbsorbingStates(task.ObservationSize, task.ActionSize, config.AbsorbingStates && AbsorbingStates.Needed(task));
        var encoder = new ObservationEncoder(context.Stats, online.NormalizeObservations, absorbing.Enabled);
        var expert = new ReplayBuffer(Math.Max(1, absorbing.RowsFor(context.Demonstrations.Episodes)), encoder.Size, task.ActionSize, isExpert: true);
        absorbing.StoreDemonstrations(expert, context.Demonstrations.Episodes);
        var networks = new AdversarialNetworks(encoder.Size, task.ActionSize, config, context.Seeds.Create("discriminator_networks"));
        var reward = new AdversarialLearner(config, networks, encoder, task.ActionSize, expert, online.BatchSize,
            context.Seeds.Create("discriminator"), context.Seeds.Create("dropout"));
        var backbone = OffPolicyRl.CreateBackbone(config.RlAlgorithm, context, hp, SacDefaults, Td3Defaults, encoder.Size, online.BatchSize, encoder);
        return new OnlineImitationLearner(context, online, absorbing, reward, backbone, online.ExpertMix > 0 ? expert : null);
    }
}
