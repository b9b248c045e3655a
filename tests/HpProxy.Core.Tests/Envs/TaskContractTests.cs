using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Classic;

namespace HpProxy.Core.Tests.Envs;

public class TaskContractTests
{
    public static TheoryData<string> TaskNames()
    {
        var data = new TheoryData<string>();
        foreach (var t in new ClassicControlTasks().Tasks) data.Add(t.Name);
        return data;
    }

    [Fact]
    public void Provider_lists_the_seven_tasks_and_rejects_unknown_names()
    {
        var provider = new ClassicControlTasks();
        Assert.Equal(
            ["pendulum", "cartpole-swingup", "cartpole-balance", "mountaincar", "acrobot", "reacher2d", "pointmass"],
            provider.Tasks.Select(t => t.Name));
        Assert.All(provider.Tasks, t => Assert.Equal("classic", t.Family));
        Assert.Throws<ArgumentException>(() => provider.Create("hopper"));
    }

    [Theory]
    [MemberData(nameof(TaskNames))]
    public void Same_seed_and_actions_give_the_same_episode(string task)
    {
        var a = Rollout(task, seed: 42, actionSeed: 1);
        var b = Rollout(task, seed: 42, actionSeed: 1);
        var c = Rollout(task, seed: 43, actionSeed: 1);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [MemberData(nameof(TaskNames))]
    public void Fixed_horizon_tasks_truncate_exactly_at_the_horizon(string task)
    {
        var env = new ClassicControlTasks().Create(task);
        var info = env.Info;
        var obs = new float[info.ObservationSize];
        var act = new float[info.ActionSize];
        env.Reset(5, obs);
        int steps = 0;
        StepStatus status;
        do
        {
            status = env.Step(act, obs).Status; // zero action
            steps++;
            Assert.False(status.Terminated && status.Truncated);
            if (!status.EpisodeOver) Assert.True(steps < info.Horizon);
        } while (!status.EpisodeOver);
        if (!info.TerminatesEarly)
        {
            Assert.Equal(info.Horizon, steps);
            Assert.True(status.Truncated);
            Assert.False(status.Terminated);
        }
        Assert.Throws<InvalidOperationException>(() => env.Step(act, obs));
    }

    [Theory]
    [MemberData(nameof(TaskNames))]
    public void Actions_beyond_the_bounds_act_like_the_bounds(string task)
    {
        var env = new ClassicControlTasks().Create(task);
        var info = env.Info;
        var obsA = new float[info.ObservationSize];
        var obsB = new float[info.ObservationSize];
        var big = Enumerable.Repeat(7f, info.ActionSize).ToArray();
        var one = Enumerable.Repeat(1f, info.ActionSize).ToArray();
        env.Reset(9, obsA);
        var ra = env.Step(big, obsA);
        env.Reset(9, obsB);
        var rb = env.Step(one, obsB);
        Assert.Equal(obsB, obsA);
        Assert.Equal(rb.Reward.Value, ra.Reward.Value);
    }

    [Theory]
    [MemberData(nameof(TaskNames))]
    public void Wrong_buffer_sizes_are_rejected(string task)
    {
        var env = new ClassicControlTasks().Create(task);
        Assert.Throws<ArgumentException>(() => env.Reset(1, new float[env.Info.ObservationSize + 1]));
        env.Reset(1, new float[env.Info.ObservationSize]);
        Assert.Throws<ArgumentException>(() => env.Step(new float[env.Info.ActionSize + 1], new float[env.Info.ObservationSize]));
    }

    [Fact]
    public void CartPoleBalance_terminates_when_the_pole_falls_not_truncates()
    {
        var env = new CartPoleBalance();
        var obs = new float[4];
        env.Reset(1, obs);
        env.SetState(0, 0, 0.205, 1.0); // 12° = 0.2094 rad
        var s = env.Step([0f], obs).Status;
        Assert.True(s.Terminated);
        Assert.False(s.Truncated);
        Assert.True(env.Info.TerminatesEarly);
    }

    [Fact]
    public void CartPoleBalance_terminates_when_the_cart_leaves_the_track()
    {
        var env = new CartPoleBalance();
        var obs = new float[4];
        env.Reset(1, obs);
        env.SetState(2.39, 1.0, 0, 0);
        Assert.True(env.Step([0f], obs).Status.Terminated);
    }

    [Fact]
    public void MountainCar_goal_terminates_with_the_bonus()
    {
        var env = new MountainCar();
        var obs = new float[2];
        env.Reset(1, obs);
        env.SetState(0.44, 0.05);
        var step = env.Step([0.5f], obs);
        Assert.True(step.Status.Terminated);
        Assert.False(step.Status.Truncated);
        Assert.Equal(100 - 0.1 * 0.25, step.Reward.Value, 9);
    }

    [Fact]
    public void Reacher_observation_reports_the_fingertip_offset()
    {
        var env = new Reacher2D();
        var obs = new float[10];
        env.Reset(1, obs);
        env.SetState(0, 0, 0, 0, 0.1, 0.1);
        env.Step([0f, 0f], obs);
        Assert.Equal(0.21 - 0.1, obs[8], 5);
        Assert.Equal(0 - 0.1, obs[9], 5);
    }

    private static List<float> Rollout(string task, ulong seed, ulong actionSeed)
    {
        var env = new ClassicControlTasks().Create(task);
        var obs = new float[env.Info.ObservationSize];
        var act = new float[env.Info.ActionSize];
        var rng = new HpProxy.Core.Common.Rng(actionSeed);
        var trace = new List<float>();
        env.Reset(seed, obs);
        trace.AddRange(obs);
        for (int t = 0; t < 30; t++)
        {
            for (int i = 0; i < act.Length; i++) act[i] = (float)rng.Uniform(-1, 1);
            var s = env.Step(act, obs);
            trace.AddRange(obs);
            trace.Add((float)s.Reward.Value);
            if (s.Status.EpisodeOver) break;
        }
        return trace;
    }
}
