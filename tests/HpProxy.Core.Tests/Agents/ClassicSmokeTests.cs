using HpProxy.Core.Agents;
using HpProxy.Core.Common;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Runs;
using HpProxy.Core.Spaces;
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
        var tasks = new ClassicControlTasks();
        var demonstrator = Demonstrators.Create(task, Demonstrators.Scripted, Demonstrators.CleanRegime, HyperparameterSet.Empty);
        var episodes = DemoGenerator.Generate(tasks.Create(task), demonstrator, 3, seed: 5).Select(e => e.ToTrajectory()).ToArray();
        var environment = tasks.Create(task);
        var info = environment.Info;
        var demos = new DemonstrationSet("smoke", info.ObservationSize, info.ActionSize, episodes);
        var algorithm = AlgorithmRegistry.Find(name)!;
        var names = algorithm.Hyperparameters.Select(h => h.Name).ToHashSet();
        var settings = new List<(string, object)> { ("hidden_units", 16), ("batch_size", 32) };
        if (names.Contains("warmup_steps")) settings.Add(("warmup_steps", 100));
        if (names.Contains("discriminator_hidden_units")) settings.Add(("discriminator_hidden_units", 16));
        if (names.Contains("discriminator_batch_size")) settings.Add(("discriminator_batch_size", 32));
        if (names.Contains("pretrain_steps")) settings.Add(("pretrain_steps", 50));
        long budget = algorithm.IsOnline ? 250 : 100;
        var context = new AgentContext(info, new RewardFreeEnvironment(environment), demos, ObservationStats.FromDemonstrations(demos),
            new SeedStreams(3), budget, Hp(settings.ToArray()));
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
