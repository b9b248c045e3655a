using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Cli.Tests.Support;

/// <summary>A small catalog: tasks pendulum and cartpole, regime synthetic, algorithm bc (learning_rate,
/// hidden_units), proxy action_mse.</summary>
public sealed class FakeStudyCatalog : IStudyCatalog
{
    public bool HasTask(string task) => TaskNames.Contains(task);

    public IReadOnlyList<string> TaskNames { get; } = ["pendulum", "cartpole"];

    public IReadOnlyList<string> DemonstratorsFor(string task) => ["scripted"];

    public IReadOnlyList<string> ValidateRegime(string regime, HyperparameterSet parameters) =>
        regime == "synthetic" ? [] : [$"unknown regime '{regime}'"];

    public IReadOnlyList<string> AlgorithmNames { get; } = ["bc"];

    public IReadOnlyList<string> HyperparameterNames(string algorithm) => ["learning_rate", "hidden_units"];

    public IReadOnlyList<string> ValidateHyperparameters(string algorithm, HyperparameterSet hyperparameters) => [];

    public IReadOnlyList<string> ProxyNames { get; } = ["action_mse"];

    public IReadOnlyList<string> ValidateProxySettings(string proxy, HyperparameterSet settings) => [];
}
