using HpProxy.Core.Agents.Adversarial;
using HpProxy.Core.Agents.Bc;
using HpProxy.Core.Agents.Pwil;
using HpProxy.Core.Agents.Sqil;

namespace HpProxy.Core.Agents;

/// <summary>Every imitation algorithm a study can name. The RL backbones (SAC, TD3) are not listed: they need a
/// reward, which only an imitation algorithm (or the sanity mode, through <see cref="Online.OffPolicyRl"/>) supplies.</summary>
public static class AlgorithmRegistry
{
    public static IReadOnlyList<IAlgorithm> All { get; } =
    [
        new BcAlgorithm(),
        AdversarialAlgorithm.Gail,
        AdversarialAlgorithm.Dac,
        AdversarialAlgorithm.Airl,
        AdversarialAlgorithm.Fairl,
        new PwilAlgorithm(),
        new SqilAlgorithm(),
        new Aquadem.AquademAlgorithm(),
    ];

    public static IAlgorithm? Find(string name) => All.FirstOrDefault(a => a.Name == name);
}
