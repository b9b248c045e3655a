using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Agents.Aquadem;

/// <summary>AQuaDem's networks: Ψ(s) → K candidate actions (K·A outputs, tanh-squashed outside) and a Q-network
/// Q(s) → K values with its Polyak target.</summary>
public sealed class AquademNetworks
{
    public AquademNetworks(int observationSize, int actionSize, AquademConfig config, Rng rng)
    {
        var hidden = Enumerable.Repeat(config.HiddenUnits, config.HiddenLayers).ToArray();
        Candidates = new Mlp(observationSize, hidden, config.Candidates * actionSize, Activation.Relu, rng);
        Q = new Mlp(observationSize, hidden, config.Candidates, Activation.Relu, rng);
        QTarget = new Mlp(observationSize, hidden, config.Candidates, Activation.Relu, rng);
        Q.CopyParametersTo(QTarget);
    }

    public Mlp Candidates { get; }
    public Mlp Q { get; }
    public Mlp QTarget { get; }
}
