using HpProxy.Core.Agents.Hyperparameters;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Agents.Sac;

/// <summary>Hyperparameter names, documentation and binding of <see cref="SacConfig"/>.</summary>
public static class SacHyperparameters
{
    /// <summary>Names only SAC reads (the others are shared with TD3).</summary>
    public static IReadOnlyList<string> Own { get; } = ["initial_temperature", "temperature_learning_rate", "target_entropy_scale"];

    public static IEnumerable<HpSpec> Specs(SacConfig d) =>
    [
        HpSpec.Real("learning_rate", d.LearningRate, 1e-7, 0.1, "Adam step size of actor and critics", "log-uniform [1e-5, 1e-3]"),
        HpSpec.Integer("hidden_layers", d.HiddenLayers, 1, 8, "hidden layers of actor and critics", "{1, 2, 3}"),
        HpSpec.Integer("hidden_units", d.HiddenUnits, 1, 4096, "units per hidden layer of actor and critics", "{64, 256, 512}"),
        HpSpec.Real("discount", d.Discount, 0, 0.9999, "discount factor γ", "{0.97, 0.99, 0.995}"),
        HpSpec.Real("tau", d.Tau, 1e-6, 1, "Polyak averaging coefficient of the target networks", "log-uniform [1e-3, 5e-2]"),
        HpSpec.Real("initial_temperature", d.InitialTemperature, 1e-8, 100, "initial entropy temperature α (SAC)", "log-uniform [1e-2, 1]"),
        HpSpec.Real("temperature_learning_rate", d.TemperatureLearningRate, 0, 0.1, "Adam step size of log α (SAC; 0 keeps α fixed)", "log-uniform [1e-5, 1e-3]"),
        HpSpec.Real("target_entropy_scale", d.TargetEntropyScale, 0, 10, "target entropy = −scale·|A| (SAC)", "[0.5, 2]"),
    ];

    public static SacConfig Bind(HyperparameterSet hp, SacConfig d) => d with
    {
        LearningRate = hp.GetDouble("learning_rate", d.LearningRate),
        HiddenLayers = hp.GetInt("hidden_layers", d.HiddenLayers),
        HiddenUnits = hp.GetInt("hidden_units", d.HiddenUnits),
        Discount = hp.GetDouble("discount", d.Discount),
        Tau = hp.GetDouble("tau", d.Tau),
        InitialTemperature = hp.GetDouble("initial_temperature", d.InitialTemperature),
        TemperatureLearningRate = hp.GetDouble("temperature_learning_rate", d.TemperatureLearningRate),
        TargetEntropyScale = hp.GetDouble("target_entropy_scale", d.TargetEntropyScale),
    };
}
