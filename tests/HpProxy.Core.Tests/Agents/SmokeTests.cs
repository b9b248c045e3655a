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
            Assert.Equal(name is "gail" or "dac" or "fairl" ? 1.0 : 0.0, learner.Diagnostics["reward_bias"]); // fairl: e^ℓ > 0
        }
        if (name == "bc") Assert.True(learner.Diagnostics.ContainsKey("bc_train_loss"));
    }
}
