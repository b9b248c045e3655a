using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Agents.Rewards;
using HpProxy.Core.Common;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Tests.Agents;

/// <summary>
/// A tiny test task: a point on a line, x' = x + 0.2·a, starting at x ~ U(−1, 1); the goal is to move it to 0.
/// The reward −|x'| is only used by tests through <see cref="PointReward"/> (the sanity-mode injection).
/// With <c>terminatesEarly</c>, leaving |x| ≤ 2 ends the episode (a termination for absorbing-state tests).
/// </summary>
internal sealed class PointTask(int horizon = 50, bool terminatesEarly = false) : IRewardFreeEnvironment
{
    private float _x;
    private int _t;

    public TaskInfo Info { get; } = new("point", "test", 1, 1, horizon, terminatesEarly, "move a point to 0");

    public void Reset(ulong seed, Span<float> observation)
    {
        _x = (float)new Rng(seed).Uniform(-1, 1);
        _t = 0;
        observation[0] = _x;
    }

    public StepStatus Step(ReadOnlySpan<float> action, Span<float> nextObservation)
    {
        _x += 0.2f * Math.Clamp(action[0], -1f, 1f);
        _t++;
        nextObservation[0] = _x;
        bool terminated = terminatesEarly && Math.Abs(_x) > 2f;
        return new StepStatus(terminated, !terminated && _t >= Info.Horizon);
    }

    /// <summary>The expert: a proportional controller, a = clip(−5x).</summary>
    public static float Expert(float x) => Math.Clamp(-5f * x, -1f, 1f);

    /// <summary>Expert episodes; <paramref name="noise"/> adds Gaussian action noise (then clipped).</summary>
    public static DemonstrationSet Demonstrations(int episodes, ulong seed, int horizon = 50, double noise = 0)
    {
        var rng = new Rng(seed);
        var list = new List<Trajectory>();
        for (int e = 0; e < episodes; e++)
        {
            var env = new PointTask(horizon);
            var obs = new float[horizon + 1];
            var act = new float[horizon];
            var o = new float[1];
            env.Reset(rng.NextUInt64(), o);
            obs[0] = o[0];
            for (int t = 0; t < horizon; t++)
            {
                act[t] = Math.Clamp(Expert(o[0]) + (float)(noise * rng.NextGaussian()), -1f, 1f);
                env.Step(act.AsSpan(t, 1), o);
                obs[t + 1] = o[0];
            }
            list.Add(new Trajectory(1, 1, obs, act, terminated: false));
        }
        return new DemonstrationSet("point-expert", 1, 1, list);
    }

    /// <summary>Mean return (−Σ|x'|) of a policy over fixed evaluation episodes.</summary>
    public static double Evaluate(HpProxy.Core.Agents.IPolicy policy, int episodes = 10, int horizon = 50)
    {
        double total = 0;
        Span<float> o = stackalloc float[1];
        Span<float> a = stackalloc float[1];
        for (int e = 0; e < episodes; e++)
        {
            var env = new PointTask(horizon);
            env.Reset(1000 + (ulong)e, o);
            for (int t = 0; t < horizon; t++)
            {
                policy.Act(o, a);
                env.Step(a, o);
                total -= Math.Abs(o[0]);
            }
        }
        return total / episodes;
    }
}

/// <summary>The true reward of <see cref="PointTask"/>, injected from outside Agents (sanity mode).</summary>
internal sealed class PointReward : ITransitionReward
{
    public void Rewards(TransitionBatch batch, Span<float> rewards)
    {
        for (int i = 0; i < batch.Size; i++) rewards[i] = -Math.Abs(batch.NextObservation(i)[0]);
    }
}
