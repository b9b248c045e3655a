using HpProxy.Core.Agents;
using HpProxy.Core.Common;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Runs;
using HpProxy.Core.Spaces;
using HpProxy.MuJoCo.Tasks;

namespace HpProxy.MuJoCo.Tests.Agents;

/// <summary>Every algorithm for a few hundred steps on every MuJoCo task (the classic tasks have the same smoke run
/// in HpProxy.Core.Tests): the plumbing with real observation sizes (up to humanoid's 454), early termination and
/// several action dimensions. Demonstrations come from a seeded random-action demonstrator, since only the
/// plumbing is under test.</summary>
public class AlgorithmSmokeTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var algorithm in AlgorithmRegistry.All)
        {
            foreach (var task in new MuJoCoTasks().Tasks)
                data.Add(algorithm.Name, task.Name);
        }
        return data;
    }

    [MuJoCoTheory]
    [MemberData(nameof(Cases))]
    public void Trains_a_few_hundred_steps(string name, string task)
    {
        var tasks = new MuJoCoTasks();
        TaskInfo info;
        Trajectory[] episodes;
        using (var demoEnv = (LocomotionTask)tasks.Create(task))
        {
            info = demoEnv.Info;
            episodes = DemoGenerator.Generate(demoEnv, new RandomDemonstrator(info.ActionSize), 2, seed: 5)
                .Select(e => e.ToTrajectory()).ToArray();
        }
        using var environment = (LocomotionTask)tasks.Create(task);
        var demos = new DemonstrationSet("smoke", info.ObservationSize, info.ActionSize, episodes);
        var algorithm = AlgorithmRegistry.Find(name)!;
        var names = algorithm.Hyperparameters.Select(h => h.Name).ToHashSet();
        var settings = new Dictionary<string, HpValue> { ["hidden_units"] = HpValue.Of(16), ["batch_size"] = HpValue.Of(16) };
        if (names.Contains("warmup_steps")) settings["warmup_steps"] = HpValue.Of(50);
        if (names.Contains("discriminator_hidden_units")) settings["discriminator_hidden_units"] = HpValue.Of(16);
        if (names.Contains("discriminator_batch_size")) settings["discriminator_batch_size"] = HpValue.Of(16);
        if (names.Contains("pretrain_steps")) settings["pretrain_steps"] = HpValue.Of(20);
        var hp = new HyperparameterSet(settings);
        Assert.Empty(algorithm.Validate(hp));
        long budget = algorithm.IsOnline ? 150 : 50;
        var context = new AgentContext(info, new RewardFreeEnvironment(environment), demos, ObservationStats.FromDemonstrations(demos),
            new SeedStreams(3), budget, hp);
        var learner = algorithm.Create(context);
        learner.TrainUntil(budget, CancellationToken.None);

        Assert.Equal(budget, learner.StepsDone);
        var action = new float[info.ActionSize];
        learner.Policy.Act(episodes[0].Observation(0), action);
        Assert.All(action, a => Assert.InRange(a, -1f, 1f));
        Assert.All(learner.Diagnostics.Values, v => Assert.True(double.IsFinite(v)));
    }

    /// <summary>Uniform actions in [−1, 1] from the episode's seed.</summary>
    private sealed class RandomDemonstrator(int actionSize) : IDemonstrator
    {
        private Rng _rng = new(0);

        public string Name => "random";

        public void Reset(ulong episodeSeed) => _rng = new Rng(episodeSeed);

        public void Act(ReadOnlySpan<float> observation, Span<float> action)
        {
            for (int i = 0; i < actionSize; i++) action[i] = (float)(_rng.NextDouble() * 2 - 1);
        }
    }
}
