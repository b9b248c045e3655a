using HpProxy.Core.Agents;
using HpProxy.Core.Envs.Classic;
using static HpProxy.Core.Tests.Agents.AgentTestContext;

namespace HpProxy.Core.Tests.Agents;

/// <summary>Every algorithm for a few hundred steps on every classic task (some terminate early, so absorbing
/// states are on; some have two action dimensions). MuJoCo tasks have the same smoke run in HpProxy.MuJoCo.Tests.</summary>
public class ClassicSmokeTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var algorithm in AlgorithmRegistry.All)
        {
            foreach (var task in new ClassicControlTasks().Tasks)
                data.Add(algorithm.Name, task.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trains_on_a_classic_task(string name, string task)
    {
        var algorithm = AlgorithmRegistry.Find(name)!;
        long budget = algorithm.IsOnline ? 250 : 100;
        var (context, episodes) = Classic(task, 3, budget, Hp(SmallSettings(algorithm)));
        var info = context.Task;
        var learner = algorithm.Create(context);
        learner.TrainUntil(budget, CancellationToken.None);
        Assert.Equal(budget, learner.StepsDone);
        var action = new float[info.ActionSize];
        learner.Policy.Act(episodes[0].Observation(0), action);
        Assert.All(action, a => Assert.InRange(a, -1f, 1f));
        Assert.All(learner.Diagnostics.Values, v => Assert.True(double.IsFinite(v)));
        if (learner.LearnedReward is { } reward)
            Assert.True(double.IsFinite(reward.Reward(episodes[0].Observation(0), episodes[0].Action(0), episodes[0].Observation(1))));
    }
}
