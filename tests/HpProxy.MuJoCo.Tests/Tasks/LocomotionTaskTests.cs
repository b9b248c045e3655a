using HpProxy.Core.Envs;
using HpProxy.MuJoCo.Tasks;

namespace HpProxy.MuJoCo.Tests.Tasks;

public class LocomotionTaskTests
{
    public static TheoryData<string, int, int> Sizes() => new()
    {
        { "hopper", 11, 3 },
        { "halfcheetah", 17, 6 },
        { "walker2d", 17, 6 },
        { "ant", 27, 8 },
        { "humanoid", 454, 21 },
    };

    [Fact]
    public void Tasks_are_listed_without_loading_the_library()
    {
        Assert.Equal(["hopper", "halfcheetah", "walker2d", "ant", "humanoid"], new MuJoCoTasks().Tasks.Select(t => t.Name));
        Assert.All(new MuJoCoTasks().Tasks, t => Assert.Equal(1000, t.Horizon));
        Assert.Throws<ArgumentException>(() => new MuJoCoTasks().Create("pendulum"));
    }

    [MuJoCoTheory]
    [MemberData(nameof(Sizes))]
    public void Observation_and_action_sizes_follow_Gym_v4(string task, int observationSize, int actionSize)
    {
        using var env = (LocomotionTask)new MuJoCoTasks().Create(task);
        Assert.Equal(observationSize, env.Info.ObservationSize);
        Assert.Equal(actionSize, env.Info.ActionSize);
        var obs = new float[observationSize];
        env.Reset(1, obs);
        Assert.All(obs, v => Assert.True(float.IsFinite(v)));
        var step = env.Step(new float[actionSize], obs);
        Assert.True(double.IsFinite(step.Reward.Value));
    }

    [MuJoCoTheory]
    [MemberData(nameof(Sizes))]
    public void Same_seed_and_actions_give_the_same_episode(string task, int observationSize, int actionSize)
    {
        var a = Rollout(task, 3, observationSize, actionSize);
        var b = Rollout(task, 3, observationSize, actionSize);
        var c = Rollout(task, 4, observationSize, actionSize);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [MuJoCoFact]
    public void Hopper_terminates_when_it_falls()
    {
        using var env = (Hopper)new MuJoCoTasks().Create("hopper");
        var obs = new float[11];
        env.Reset(1, obs);
        // Healthy initial state: z = 1.25, pitch ≈ 0.
        Assert.InRange(env.Qpos[1], 1.2, 1.3);
        int steps = 0;
        StepStatus status;
        do
        {
            status = env.Step([0f, 0f, 0f], obs).Status;
            steps++;
        } while (!status.EpisodeOver);
        Assert.True(status.Terminated);
        Assert.False(status.Truncated);
        Assert.True(steps < 1000);
        Assert.True(env.Qpos[1] <= 0.7 || Math.Abs(env.Qpos[2]) >= 0.2);
        Assert.Throws<InvalidOperationException>(() => env.Step([0f, 0f, 0f], obs));
    }

    [MuJoCoFact]
    public void Hopper_pitched_past_the_limit_terminates_immediately()
    {
        using var env = (Hopper)new MuJoCoTasks().Create("hopper");
        var obs = new float[11];
        env.Reset(1, obs);
        var qpos = env.Qpos.ToArray();
        qpos[2] = 0.5;
        env.SetState(qpos, new double[6]);
        Assert.True(env.Step([0f, 0f, 0f], obs).Status.Terminated);
    }

    [MuJoCoFact]
    public void HalfCheetah_never_terminates_and_truncates_at_1000()
    {
        using var env = (LocomotionTask)new MuJoCoTasks().Create("halfcheetah");
        var obs = new float[17];
        var act = new float[6];
        var rng = new HpProxy.Core.Common.Rng(5);
        env.Reset(2, obs);
        int steps = 0;
        StepStatus status;
        do
        {
            for (int i = 0; i < act.Length; i++) act[i] = (float)rng.Uniform(-1, 1);
            status = env.Step(act, obs).Status;
            steps++;
        } while (!status.EpisodeOver);
        Assert.Equal(1000, steps);
        Assert.True(status.Truncated);
        Assert.False(status.Terminated);
    }

    [MuJoCoFact]
    public void Forward_reward_follows_the_root_velocity()
    {
        // Pushing the cheetah forward by a known velocity with zero control: reward ≈ Δx/dt (no ctrl cost).
        using var env = (HalfCheetah)new MuJoCoTasks().Create("halfcheetah");
        var obs = new float[17];
        env.Reset(1, obs);
        double x0 = env.Qpos[0];
        var r = env.Step(new float[6], obs).Reward.Value;
        Assert.Equal((env.Qpos[0] - x0) / env.Dt, r, 9);
        Assert.Equal(0.05, env.Dt, 12);
    }

    private static List<float> Rollout(string task, ulong seed, int observationSize, int actionSize)
    {
        using var env = (LocomotionTask)new MuJoCoTasks().Create(task);
        var obs = new float[observationSize];
        var act = new float[actionSize];
        var rng = new HpProxy.Core.Common.Rng(99);
        var trace = new List<float>();
        env.Reset(seed, obs);
        trace.AddRange(obs);
        for (int t = 0; t < 20; t++)
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

public class ParallelTaskTests
{
    [MuJoCoFact]
    public void Instances_on_parallel_threads_reproduce_the_sequential_episode()
    {
        static double Episode()
        {
            using var env = (LocomotionTask)new MuJoCoTasks().Create("walker2d");
            var obs = new float[17];
            var act = new float[6];
            var rng = new HpProxy.Core.Common.Rng(1);
            env.Reset(8, obs);
            double total = 0;
            for (int t = 0; t < 100; t++)
            {
                for (int i = 0; i < act.Length; i++) act[i] = (float)rng.Uniform(-1, 1);
                var s = env.Step(act, obs);
                total += s.Reward.Value;
                if (s.Status.EpisodeOver) break;
            }
            return total;
        }
        double expected = Episode();
        var results = new double[4];
        Parallel.For(0, results.Length, i => results[i] = Episode());
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}

public class MissingModelTests
{
    [MuJoCoFact]
    public void Missing_humanoid_model_names_the_samples_package()
    {
        var tasks = new MuJoCoTasks(humanoidModel: Path.Combine(Path.GetTempPath(), "no-such-humanoid.xml"));
        var e = Assert.Throws<HpProxy.MuJoCo.Native.MuJoCoNotFoundException>(() => tasks.Create("humanoid"));
        Assert.Contains("libmujoco-samples", e.Message);
    }

    [MuJoCoFact]
    public void Missing_model_directory_is_a_clear_error()
    {
        var tasks = new MuJoCoTasks(modelDirectory: Path.Combine(Path.GetTempPath(), "no-such-models"));
        var e = Assert.Throws<FileNotFoundException>(() => tasks.Create("hopper"));
        Assert.Contains("hopper.xml", e.Message);
    }
}
