using HpProxy.Core.Agents;
using HpProxy.Core.Agents.Online;
using static HpProxy.Core.Tests.Agents.AgentTestContext;

namespace HpProxy.Core.Tests.Agents;

/// <summary>The steady-state training loop allocates nothing (the point task's own Reset allocates one Rng per
/// episode, hence a small allowance).</summary>
public class AllocationTests
{
    /// <summary>A first learner is trained over the whole measured span and thrown away, so that every method the
    /// measured span calls is already compiled: the runtime's first compilation of a method can allocate on the
    /// calling thread, and whether another test compiled it first depends on the order tests run in (a CI run once
    /// failed on that alone).</summary>
    private static void AssertSteadyStateAllocationFree(Func<ILearner> create)
    {
        create().TrainUntil(250, CancellationToken.None);
        var learner = create();
        learner.TrainUntil(150, CancellationToken.None); // past warm-up, buffers filled
        long before = GC.GetAllocatedBytesForCurrentThread();
        learner.TrainUntil(250, CancellationToken.None);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 2048, $"{allocated} bytes allocated in 100 steps");
    }

    [Theory]
    [InlineData("sac")]
    [InlineData("td3")]
    public void Backbones(string backbone) =>
        AssertSteadyStateAllocationFree(() => OffPolicyRl.Create(
            Point(250, Hp(("rl_algorithm", backbone), ("hidden_units", 16), ("batch_size", 32), ("warmup_steps", 50))), new PointReward()));

    [Theory]
    [InlineData("gail")]
    [InlineData("dac")]
    [InlineData("pwil")]
    [InlineData("aquadem")]
    [InlineData("bc")]
    public void Imitation_algorithms(string name)
    {
        var algorithm = AlgorithmRegistry.Find(name)!;
        var names = algorithm.Hyperparameters.Select(h => h.Name).ToHashSet();
        var settings = new List<(string, object)> { ("hidden_units", 16), ("batch_size", 32) };
        if (names.Contains("warmup_steps")) settings.Add(("warmup_steps", 50));
        if (names.Contains("discriminator_batch_size")) settings.Add(("discriminator_batch_size", 32));
        if (names.Contains("pretrain_steps")) settings.Add(("pretrain_steps", 20));
        AssertSteadyStateAllocationFree(() => algorithm.Create(Point(250, Hp(settings.ToArray()))));
    }
}
