using HpProxy.Core.Agents;
using static HpProxy.Core.Tests.Agents.AgentTestContext;

namespace HpProxy.Core.Tests.Agents;

/// <summary>Every registered algorithm trains a few hundred steps on the point task, with and without early
/// termination, and yields a finite deterministic policy, its diagnostics and (if any) a finite learned reward.</summary>
public class SmokeTests
{
    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var algorithm in AlgorithmRegistry.All)
        {
            data.Add(algorithm.Name, false);
            data.Add(algorithm.Name, true);
        }
        return data;
    }

    /// <summary>Small networks and batches, a short warm-up: only the plumbing is under test here.</summary>
    private static (string, object)[] SmallSettings(IAlgorithm algorithm)
    {
        var names = algorithm.Hyperparameters.Select(h => h.Name).ToHashSet();
        var settings = new List<(string, object)> { ("hidden_units", 16), ("batch_size", 32) };
        if (names.Contains("warmup_steps")) settings.Add(("warmup_steps", 100));
        if (names.Contains("discriminator_hidden_units")) settings.Add(("discriminator_hidden_units", 16));
        if (names.Contains("discriminator_batch_size")) settings.Add(("discriminator_batch_size", 32));
        if (names.Contains("pretrain_steps")) settings.Add(("pretrain_steps", 50));
        return settings.ToArray();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trains_a_few_hundred_steps(string name, bool terminatesEarly)
    {
        var algorithm = AlgorithmRegistry.Find(name)!;
        var hp = Hp(SmallSettings(algorithm));
        Assert.Empty(algorithm.Validate(hp));
        long budget = algorithm.IsOnline ? 300 : 100;
        var learner = algorithm.Create(Point(budget, hp, terminatesEarly: terminatesEarly, horizon: 40));
        learner.TrainUntil(budget / 2, CancellationToken.None);
        learner.TrainUntil(budget, CancellationToken.None);
        Assert.Equal(budget, learner.StepsDone);
        Span<float> action = stackalloc float[1];
        foreach (float x in new[] { -0.7f, 0f, 0.4f })
        {
            learner.Policy.Act([x], action);
            Assert.InRange(action[0], -1f, 1f);
        }
        Assert.All(learner.Diagnostics.Values, v => Assert.True(double.IsFinite(v)));
        if (learner.LearnedReward is { } reward)
        {
            (reward as IEpisodicReward)?.BeginEpisode();
            Assert.True(double.IsFinite(reward.Reward([0.3f], [-1f], [0.1f])));
        }
        if (name is "gail" or "dac" or "airl" or "fairl")
        {
            Assert.InRange(learner.Diagnostics["discriminator_accuracy"], 0, 1);
            Assert.True(learner.Diagnostics.ContainsKey("discriminator_entropy"));
            Assert.Equal(terminatesEarly ? 1.0 : 0.0, learner.Diagnostics["absorbing_states"]);
            Assert.Equal(name is "gail" or "dac" ? 1.0 : 0.0, learner.Diagnostics["reward_bias"]);
        }
        if (name == "bc") Assert.True(learner.Diagnostics.ContainsKey("bc_train_loss"));
    }
}
