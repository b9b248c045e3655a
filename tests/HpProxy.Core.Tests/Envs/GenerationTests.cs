using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Tests.Envs;

public class GenerationTests
{
    private static IReadOnlyList<RecordedEpisode> Generate(string task, string regime, int episodes, ulong seed) =>
        DemoGenerator.Generate(new ClassicControlTasks().Create(task),
            Demonstrators.Create(task, "scripted", regime, HyperparameterSet.Empty), episodes, seed);

    [Fact]
    public void Generation_is_deterministic_and_prefix_stable()
    {
        var a = Generate("pendulum", "human-like", 4, 9);
        var b = Generate("pendulum", "human-like", 4, 9);
        var longer = Generate("pendulum", "human-like", 6, 9);
        var other = Generate("pendulum", "human-like", 4, 10);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(a[i].Observations, b[i].Observations);
            Assert.Equal(a[i].Actions, b[i].Actions);
            Assert.Equal(a[i].Rewards, b[i].Rewards);
            Assert.Equal(a[i].Actions, longer[i].Actions);
            Assert.Equal(a[i].Metadata, longer[i].Metadata);
        }
        Assert.NotEqual(a[0].Actions, other[0].Actions);
        Assert.Equal("scripted:human-like", a[0].Metadata.Demonstrator);
        Assert.Equal("pendulum", a[0].Metadata.Task);
    }

    [Fact]
    public void Truncated_episodes_follow_the_RLDS_convention()
    {
        var e = Generate("pendulum", "synthetic", 1, 1)[0];
        Assert.Equal(200, e.Length);
        Assert.Equal(201, e.StepCount);
        Assert.False(e.Terminated);
        Assert.True(e.IsFirst(0));
        Assert.False(e.IsFirst(1));
        Assert.True(e.IsLast(200));
        Assert.False(e.IsLast(199));
        Assert.False(e.IsTerminal(200));           // is_last && !is_terminal ⇒ truncated
        Assert.Equal(1f, e.Discount(200));
        Assert.All(e.Action(200).ToArray(), v => Assert.Equal(0f, v)); // last action unused
        Assert.Equal(0.0, e.Rewards[200].Value);
    }

    [Fact]
    public void Terminated_episodes_follow_the_RLDS_convention_and_return_the_env_rewards()
    {
        var e = Generate("mountaincar", "clean", 1, 1)[0];
        Assert.True(e.Terminated);
        Assert.True(e.Length < 500);
        Assert.True(e.IsTerminal(e.Length));
        Assert.Equal(0f, e.Discount(e.Length));
        Assert.Equal(1f, e.Discount(e.Length - 1));
        Assert.True(e.Observation(e.Length)[0] >= MountainCar.GoalPosition);

        // Replaying the recorded actions reproduces observations and rewards.
        var env = new MountainCar();
        var obs = new float[2];
        env.Reset(e.Metadata.EnvironmentSeed, obs);
        Assert.Equal(e.Observation(0).ToArray(), obs);
        double sum = 0;
        for (int t = 0; t < e.Length; t++)
        {
            var s = env.Step(e.Action(t), obs);
            Assert.Equal(e.Rewards[t], s.Reward);
            Assert.Equal(e.Observation(t + 1).ToArray(), obs);
            sum += s.Reward.Value;
        }
        Assert.Equal(sum, e.Return(), 9);
    }

    [Fact]
    public void ToTrajectory_strips_rewards_and_keeps_everything_else()
    {
        foreach (var e in Generate("cartpole-balance", "human-like", 5, 3).Concat(Generate("reacher2d", "synthetic", 2, 3)))
        {
            var t = e.ToTrajectory();
            Assert.Equal(e.Length, t.Length);
            Assert.Equal(e.Terminated, t.Terminated);
            Assert.Equal(e.Observations, t.Observations);
            for (int i = 0; i < e.Length; i++) Assert.Equal(e.Action(i).ToArray(), t.Action(i).ToArray());
            Assert.Equal(e.ActionSize * e.Length, t.Actions.Length);
        }
        Assert.DoesNotContain(typeof(Trajectory).GetProperties(), p => p.PropertyType == typeof(OracleReward[]));
    }

    [Fact]
    public void Split_is_by_episode_and_reward_free()
    {
        var episodes = Generate("pointmass", "synthetic", 10, 4);
        var (train, validation) = DemoSplit.Split(episodes, DemoSplit.TrainCount(10, 0.7), "pm");
        Assert.Equal(7, train.Episodes.Count);
        Assert.Equal(3, validation.Episodes.Count);
        Assert.Equal("pm/train", train.Name);
        Assert.Equal(episodes[7].Observations, validation.Episodes[0].Observations);
        Assert.Equal(7 * 100, train.TransitionCount);
        Assert.Equal(1, DemoSplit.TrainCount(1, 0.5));
        Assert.Equal(9, DemoSplit.TrainCount(10, 0.99));
        Assert.Equal(10, DemoSplit.TrainCount(10, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoSplit.Split(episodes, 11, "x"));
    }

    [Fact]
    public void Reference_returns_are_reproducible_and_normalise_to_0_and_1()
    {
        var env = new Pendulum();
        var episodes = Generate("pendulum", "clean", 10, 2);
        var r1 = ReferenceReturnsMeter.Measure(env, episodes);
        var r2 = ReferenceReturnsMeter.Measure(new Pendulum(), episodes);
        Assert.Equal(r1, r2);
        Assert.InRange(r1.Random, -1400, -1000);   // Gym's Pendulum-v1 random return is ≈ −1200
        Assert.Equal(episodes.Average(e => e.Return()), r1.Expert, 9);
        Assert.Equal(1.0, r1.Normalize(r1.Expert), 12);
        Assert.Equal(0.0, r1.Normalize(r1.Random), 12);
        Assert.NotEqual(r1.Random, ReferenceReturnsMeter.RandomReturn(env, 100, seed: 1));
    }
}

public class GenerateSetsTests
{
    [Fact]
    public void GenerateSets_splits_train_then_validation_and_reports_the_mean_return()
    {
        var env = new Pendulum();
        var demo = Demonstrators.Create("pendulum", "scripted", "synthetic", HyperparameterSet.Empty);
        var sets = DemoGenerator.GenerateSets(env, demo, 3, 2, seed: 21, name: "p");
        var same = DemoGenerator.Generate(env, demo, 5, 21);
        Assert.Equal(5, sets.Episodes.Count);
        Assert.Equal(3, sets.Train.Episodes.Count);
        Assert.Equal(2, sets.Validation.Episodes.Count);
        Assert.Equal(same[3].Observations, sets.Validation.Episodes[0].Observations);
        Assert.Equal(same.Average(e => e.Return()), sets.DemonstratorReturn, 9);
        Assert.Equal("p/validation", sets.Validation.Name);
    }
}

public class RecordedStepTests
{
    [Fact]
    public void Steps_expose_the_RLDS_fields()
    {
        var e = DemoGenerator.Generate(new MountainCar(), Demonstrators.Create("mountaincar", "scripted", "clean", HyperparameterSet.Empty), 1, 3)[0];
        var steps = e.Steps().ToList();
        Assert.Equal(e.Length + 1, steps.Count);
        Assert.True(steps[0].IsFirst);
        Assert.Equal(1, steps.Count(s => s.IsFirst));
        Assert.Equal(1, steps.Count(s => s.IsLast));
        Assert.True(steps[^1].IsLast && steps[^1].IsTerminal);
        Assert.Equal(0f, steps[^1].Discount);
        Assert.Equal(e.Return(), steps.Sum(s => s.Reward.Value), 9);
        Assert.Equal(e.Observation(5).ToArray(), steps[5].Observation.ToArray());
        Assert.Equal(e.Action(5).ToArray(), steps[5].Action.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => e.Step(e.Length + 1));
    }
}
