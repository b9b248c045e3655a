using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Agents.Td3;

/// <summary>TD3's networks: a deterministic actor a = tanh(f(s)), twin critics on (s, a) and targets of all three.</summary>
public sealed class Td3Networks
{
    public Td3Networks(int observationSize, int actionSize, Td3Config config, Rng rng)
    {
        var hidden = Enumerable.Repeat(config.HiddenUnits, config.HiddenLayers).ToArray();
        Actor = new Mlp(observationSize, hidden, actionSize, Activation.Relu, rng);
        ActorTarget = new Mlp(observationSize, hidden, actionSize, Activation.Relu, rng);
        Q1 = new Mlp(observationSize + actionSize, hidden, 1, Activation.Relu, rng);
        Q2 = new Mlp(observationSize + actionSize, hidden, 1, Activation.Relu, rng);
        Q1Target = new Mlp(observationSize + actionSize, hidden, 1, Activation.Relu, rng);
        Q2Target = new Mlp(observationSize + actionSize, hidden, 1, Activation.Relu, rng);
        Actor.CopyParametersTo(ActorTarget);
        Q1.CopyParametersTo(Q1Target);
        Q2.CopyParametersTo(Q2Target);
    }

    public Mlp Actor { get; }
    public Mlp ActorTarget { get; }
    public Mlp Q1 { get; }
    public Mlp Q2 { get; }
    public Mlp Q1Target { get; }
    public Mlp Q2Target { get; }
}
