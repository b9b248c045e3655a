using HpProxy.Core.Agents.Hyperparameters;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Agents.Online;

/// <summary>Hyperparameter names, documentation and binding of <see cref="OnlineConfig"/>.</summary>
public static class OnlineHyperparameters
{
    public static IEnumerable<HpSpec> Specs(OnlineConfig d) =>
    [
        HpSpec.Integer("replay_capacity", d.ReplayCapacity, 1000, 100_000_000, "transitions kept in the replay buffer", "{1e5, 1e6}"),
        HpSpec.Integer("batch_size", d.BatchSize, 1, 4096, "transitions per RL update", "{64, 128, 256, 512}"),
        HpSpec.Integer("warmup_steps", d.WarmupSteps, 0, 100_000_000, "initial environment steps with uniform random actions, no updates", "{0, 1000, 10000}"),
        HpSpec.Integer("updates_per_step", d.UpdatesPerStep, 1, 64, "gradient updates per environment step", "{1, 2, 4}"),
        HpSpec.Real("expert_mix", d.ExpertMix, 0, 0.95, "fraction of each RL batch drawn from the demonstrations", "[0, 0.5]"),
        HpSpec.Boolean("normalize_observations", d.NormalizeObservations, "standardise network inputs with the demonstrations' statistics"),
    ];

    public static OnlineConfig Bind(HyperparameterSet hp, OnlineConfig d) => d with
    {
        ReplayCapacity = hp.GetInt("replay_capacity", d.ReplayCapacity),
        BatchSize = hp.GetInt("batch_size", d.BatchSize),
        WarmupSteps = hp.GetInt("warmup_steps", d.WarmupSteps),
        UpdatesPerStep = hp.GetInt("updates_per_step", d.UpdatesPerStep),
        ExpertMix = hp.GetDouble("expert_mix", d.ExpertMix),
        NormalizeObservations = hp.GetBool("normalize_observations", d.NormalizeObservations),
    };
}
