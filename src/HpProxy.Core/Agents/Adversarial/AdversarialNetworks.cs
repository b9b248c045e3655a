using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Agents.Adversarial;

/// <summary>The discriminator: an MLP from its input (s, [s | a] or [s | a | s']) to one logit ℓ, expert high.</summary>
public sealed class AdversarialNetworks
{
    public AdversarialNetworks(int observationSize, int actionSize, AdversarialConfig config, Rng rng)
    {
        InputSize = config.DiscriminatorInput switch
        {
            "s" => observationSize,
            "sa" => observationSize + actionSize,
            "sas" => 2 * observationSize + actionSize,
            _ => throw new ArgumentException($"unknown discriminator_input '{config.DiscriminatorInput}'"),
        };
        var hidden = Enumerable.Repeat(config.DiscriminatorHiddenUnits, config.DiscriminatorHiddenLayers).ToArray();
        var options = new MlpOptions
        {
            InputDropout = (float)config.DiscriminatorInputDropout,
            HiddenDropout = (float)config.DiscriminatorHiddenDropout,
            SpectralNorm = config.SpectralNorm,
        };
        Discriminator = new Mlp(InputSize, hidden, 1, Activation.Relu, rng, options);
    }

    public int InputSize { get; }

    public Mlp Discriminator { get; }
}
