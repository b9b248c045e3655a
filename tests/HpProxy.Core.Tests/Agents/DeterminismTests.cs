using HpProxy.Core.Agents;
using static HpProxy.Core.Tests.Agents.AgentTestContext;

namespace HpProxy.Core.Tests.Agents;

/// <summary>Same seed, same numbers; another seed, other numbers (the diagnostics included).</summary>
public class DeterminismTests
{
    [Theory]
    [InlineData("gail")]
    [InlineData("dac")]
    [InlineData("pwil")]
    [InlineData("aquadem")]
    public void Same_seed_same_numbers(string name)
    {
        float Run(ulong seed)
        {
            var algorithm = AlgorithmRegistry.Find(name)!;
            var names = algorithm.Hyperparameters.Select(h => h.Name).ToHashSet();
            var settings = new List<(string, object)> { ("hidden_units", 16), ("batch_size", 16), ("warmup_steps", 50) };
            if (names.Contains("discriminator_batch_size")) settings.Add(("discriminator_batch_size", 16));
            if (names.Contains("pretrain_steps")) settings.Add(("pretrain_steps", 20));
            var learner = algorithm.Create(Point(120, Hp(settings.ToArray()), seed));
            learner.TrainUntil(120, CancellationToken.None);
            var a = new float[1];
            learner.Policy.Act([0.37f], a);
            return a[0] + (float)learner.Diagnostics.Values.Sum();
        }
        Assert.Equal(Run(11), Run(11));
        Assert.NotEqual(Run(11), Run(12));
    }
}
