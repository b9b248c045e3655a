using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Agents.Sac;

/// <summary>
/// SAC's networks: a tanh-Gaussian actor (outputs [μ | ρ], see <see cref="Policies.SquashedGaussian"/>), twin
/// critics Q1, Q2 on (s, a) (Fujimoto et al. 2018's clipped double-Q, used by SAC v2) and their Polyak targets.
/// </summary>
public sealed class SacNetworks
{
    public SacNetworks(int observationSize, int actionSize, SacConfig config, Rng rng)
    {
        var hidden = Enumerable.Repeat(config.HiddenUnits, config.HiddenLayers).ToArray();
        Actor = new Mlp(observationSize, hidden, 2 * actionSize, Activation.Relu, rng);
        Q1 = new Mlp(observationSize + actionSize, hidden, 1, Activation.Relu, rng);
        Q2 = new Mlp(observationSize + actionSize, hidden, 1, Activation.Relu, rng);
        Q1Target = new Mlp(observationSize + actionSize, hidden, 1, Activation.Relu, rng);
        Q2Target = new Mlp(observationSize + actionSize, hidden, 1, Activation.Relu, rng);
        Q1.CopyParametersTo(Q1Target);
        Q2.CopyParametersTo(Q2Target);
    }

    public Mlp Actor { get; }
    public Mlp Q1 { get; }
    public Mlp Q2 { get; }
    public Mlp Q1Target { get; }
    public Mlp Q2Target { get; }
}
