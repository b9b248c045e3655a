using HpProxy.Core.Agents.Hyperparameters;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Agents.Td3;

/// <summary>Hyperparameter names, documentation and binding of <see cref="Td3Config"/>.</summary>
public static class Td3Hyperparameters
{
    /// <summary>Names only TD3 reads (the others are shared with SAC).</summary>
    public static IReadOnlyList<string> Own { get; } = ["policy_noise", "noise_clip", "policy_delay", "exploration_noise", "actor_preactivation_penalty"];

    public static IEnumerable<HpSpec> Specs(Td3Config d) =>
    [
        HpSpec.Real("learning_rate", d.LearningRate, 1e-7, 0.1, "Adam step size of actor and critics", "log-uniform [1e-5, 1e-3]"),
        HpSpec.Integer("hidden_layers", d.HiddenLayers, 1, 8, "hidden layers of actor and critics", "{1, 2, 3}"),
        HpSpec.Integer("hidden_units", d.HiddenUnits, 1, 4096, "units per hidden layer of actor and critics", "{64, 256, 512}"),
        HpSpec.Real("discount", d.Discount, 0, 0.9999, "discount factor γ", "{0.97, 0.99, 0.995}"),
        HpSpec.Real("tau", d.Tau, 1e-6, 1, "Polyak averaging coefficient of the target networks", "log-uniform [1e-3, 5e-2]"),
        HpSpec.Real("policy_noise", d.PolicyNoise, 0, 2, "std of the per-sample target policy smoothing noise (TD3)", "{0.1, 0.2, 0.3}"),
        HpSpec.Real("noise_clip", d.NoiseClip, 0, 5, "clip of the target policy smoothing noise (TD3)", "{0.3, 0.5}"),
        HpSpec.Integer("policy_delay", d.PolicyDelay, 1, 20, "critic updates per actor update (TD3)", "{1, 2, 3}"),
        HpSpec.Real("exploration_noise", d.ExplorationNoise, 0, 2, "std of the Gaussian exploration noise (TD3)", "{0.05, 0.1, 0.2}"),
        HpSpec.Real("actor_preactivation_penalty", d.ActorPreactivationPenalty, 0, 10, "weight of mean‖f(s)‖² on the actor's pre-tanh output (TD3; 0 = the paper)", "{0, 1e-3, 1e-2}"),
    ];

    public static Td3Config Bind(HyperparameterSet hp, Td3Config d) => d with
    {
        LearningRate = hp.GetDouble("learning_rate", d.LearningRate),
        HiddenLayers = hp.GetInt("hidden_layers", d.HiddenLayers),
        HiddenUnits = hp.GetInt("hidden_units", d.HiddenUnits),
        Discount = hp.GetDouble("discount", d.Discount),
        Tau = hp.GetDouble("tau", d.Tau),
        PolicyNoise = hp.GetDouble("policy_noise", d.PolicyNoise),
        NoiseClip = hp.GetDouble("noise_clip", d.NoiseClip),
        PolicyDelay = hp.GetInt("policy_delay", d.PolicyDelay),
        ExplorationNoise = hp.GetDouble("exploration_noise", d.ExplorationNoise),
        ActorPreactivationPenalty = hp.GetDouble("actor_preactivation_penalty", d.ActorPreactivationPenalty),
    };
}
