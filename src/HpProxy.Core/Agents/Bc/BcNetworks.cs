using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Agents.Bc;

/// <summary>BC's policy MLP: A outputs (tanh applied outside) for "mse", [μ | ρ] (2A) for "nll".</summary>
public sealed class BcNetworks
{
    public BcNetworks(int observationSize, int actionSize, BcConfig config, Rng rng)
    {
        var hidden = Enumerable.Repeat(config.HiddenUnits, config.HiddenLayers).ToArray();
        var options = new MlpOptions { InputDropout = (float)config.InputDropout, HiddenDropout = (float)config.HiddenDropout };
        Policy = new Mlp(observationSize, hidden, config.Loss == "nll" ? 2 * actionSize : actionSize, ParseActivation(config.Activation), rng, options);
    }

    public Mlp Policy { get; }

    public static Activation ParseActivation(string name) => name switch
    {
        "relu" => Activation.Relu,
        "tanh" => Activation.Tanh,
        "elu" => Activation.Elu,
        "leaky_relu" => Activation.LeakyRelu,
        "swish" => Activation.Swish,
        _ => throw new ArgumentException($"unknown activation '{name}'"),
    };
}
