using HpProxy.Core.Agents.Hyperparameters;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Agents.Bc;

/// <summary>"bc": behavioural cloning (offline; budget = gradient steps).</summary>
public sealed class BcAlgorithm : IAlgorithm
{
    public static readonly BcConfig Defaults = new();

    public static IReadOnlyList<string> Activations { get; } = ["relu", "tanh", "elu", "leaky_relu", "swish"];

    public static IReadOnlyList<string> Losses { get; } = ["mse", "nll"];

    public static HpSchema Schema { get; } = new(
    [
        HpSpec.Real("learning_rate", Defaults.LearningRate, 1e-7, 0.1, "Adam step size", "log-uniform [1e-5, 1e-2]"),
        HpSpec.Integer("hidden_layers", Defaults.HiddenLayers, 1, 8, "hidden layers of the policy MLP", "{1, 2, 3}"),
        HpSpec.Integer("hidden_units", Defaults.HiddenUnits, 1, 4096, "units per hidden layer", "{64, 256, 512}"),
        HpSpec.Choice("activation", Defaults.Activation, Activations, "hidden activation"),
        HpSpec.Boolean("normalize_observations", Defaults.NormalizeObservations, "standardise observations with the demonstrations' statistics"),
        HpSpec.Real("weight_decay", Defaults.WeightDecay, 0, 1, "decoupled weight decay (AdamW)", "{0, 1e-4, 1e-2}"),
        HpSpec.Real("input_dropout", Defaults.InputDropout, 0, 0.9, "dropout probability on the observation", "{0, 0.1, 0.25}"),
        HpSpec.Real("hidden_dropout", Defaults.HiddenDropout, 0, 0.9, "dropout probability after each hidden layer", "{0, 0.1, 0.25, 0.5}"),
        HpSpec.Integer("batch_size", Defaults.BatchSize, 1, 8192, "expert pairs per gradient step", "{32, 64, 256}"),
        HpSpec.Choice("loss", Defaults.Loss, Losses, "mse on tanh(output), or tanh-Gaussian negative log-likelihood"),
    ]);

    public string Name => "bc";

    public bool IsOnline => false;

    public IReadOnlyList<HyperparameterInfo> Hyperparameters => Schema.Infos;

    public IReadOnlyList<string> Validate(HyperparameterSet hyperparameters) => Schema.Validate(hyperparameters);

    public static BcConfig Bind(HyperparameterSet hp) => Defaults with
    {
        LearningRate = hp.GetDouble("learning_rate", Defaults.LearningRate),
        HiddenLayers = hp.GetInt("hidden_layers", Defaults.HiddenLayers),
        HiddenUnits = hp.GetInt("hidden_units", Defaults.HiddenUnits),
        Activation = hp.GetString("activation", Defaults.Activation),
        NormalizeObservations = hp.GetBool("normalize_observations", Defaults.NormalizeObservations),
        WeightDecay = hp.GetDouble("weight_decay", Defaults.WeightDecay),
        InputDropout = hp.GetDouble("input_dropout", Defaults.InputDropout),
        HiddenDropout = hp.GetDouble("hidden_dropout", Defaults.HiddenDropout),
        BatchSize = hp.GetInt("batch_size", Defaults.BatchSize),
        Loss = hp.GetString("loss", Defaults.Loss),
    };

    public ILearner Create(AgentContext context)
    {
        Schema.EnsureValid(context.Hyperparameters);
        return new BcLearner(context, Bind(context.Hyperparameters));
    }
}
