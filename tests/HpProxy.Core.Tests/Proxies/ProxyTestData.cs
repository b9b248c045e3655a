using HpProxy.Core.Agents;
using HpProxy.Core.Common;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Proxies;

namespace HpProxy.Core.Tests.Proxies;

/// <summary>Small hand-made demonstrations, rollouts, policies and learners for proxy tests.</summary>
internal static class ProxyTestData
{
    /// <summary>An episode whose states follow s_t = start + t·step (per dimension) and actions a_t = action.</summary>
    public static Trajectory Line(int length, float[] start, float step, float[] action, bool terminated = false)
    {
        int d = start.Length, a = action.Length;
        var obs = new float[(length + 1) * d];
        var act = new float[length * a];
        for (int t = 0; t <= length; t++)
            for (int k = 0; k < d; k++) obs[t * d + k] = start[k] + t * step;
        for (int t = 0; t < length; t++) action.CopyTo(act, t * a);
        return new Trajectory(d, a, obs, act, terminated);
    }

    /// <summary>Episodes of Gaussian states around <paramref name="mean"/> with actions tanh(s₀).</summary>
    public static List<Trajectory> Gaussian(Rng rng, int episodes, int length, int d, int a, float mean, float scale = 1)
    {
        var list = new List<Trajectory>();
        for (int e = 0; e < episodes; e++)
        {
            var obs = new float[(length + 1) * d];
            var act = new float[length * a];
            for (int i = 0; i < obs.Length; i++) obs[i] = mean + scale * (float)rng.NextGaussian();
            for (int t = 0; t < length; t++)
                for (int k = 0; k < a; k++) act[t * a + k] = MathF.Tanh(obs[t * d]);
            list.Add(new Trajectory(d, a, obs, act, false));
        }
        return list;
    }

    public static ProxyInputs Inputs(IReadOnlyList<Trajectory> rollouts, IReadOnlyList<Trajectory> train, IReadOnlyList<Trajectory> validation,
        IPolicy? policy = null, ILearner? learner = null, ObservationStats? stats = null)
    {
        int d = train[0].ObservationSize, a = train[0].ActionSize;
        var trainSet = new DemonstrationSet("train", d, a, train);
        var validationSet = new DemonstrationSet("validation", d, a, validation);
        policy ??= new ConstantPolicy(new float[a]);
        return new ProxyInputs(policy, rollouts, validationSet, trainSet, stats ?? ObservationStats.FromDemonstrations(trainSet),
            learner ?? new FakeLearner(policy, new Dictionary<string, double>(), null), new SeedStreams(42));
    }

    public sealed class ConstantPolicy(float[] action) : IPolicy
    {
        public void Act(ReadOnlySpan<float> observation, Span<float> destination) => action.CopyTo(destination);
    }

    /// <summary>a = tanh(s₀) on every action dimension, shifted by <paramref name="bias"/>.</summary>
    public sealed class TanhPolicy(float bias) : IPolicy
    {
        public void Act(ReadOnlySpan<float> observation, Span<float> destination)
        {
            for (int k = 0; k < destination.Length; k++) destination[k] = MathF.Tanh(observation[0]) + bias;
        }
    }

    public sealed class FakeLearner(IPolicy policy, IReadOnlyDictionary<string, double> diagnostics, ILearnedReward? reward) : ILearner
    {
        public IPolicy Policy => policy;
        public long StepsDone => 0;
        public void TrainUntil(long step, CancellationToken cancellationToken) { }
        public IReadOnlyDictionary<string, double> Diagnostics => diagnostics;
        public ILearnedReward? LearnedReward => reward;
    }

    /// <summary>r(s, a, s') = s'₀ − s₀: an episode's return telescopes to its displacement along dimension 0.</summary>
    public sealed class ProgressReward : ILearnedReward
    {
        public double Reward(ReadOnlySpan<float> observation, ReadOnlySpan<float> action, ReadOnlySpan<float> nextObservation) =>
            nextObservation[0] - observation[0];
    }
}
