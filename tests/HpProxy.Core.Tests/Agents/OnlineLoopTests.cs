using HpProxy.Core.Agents;
using HpProxy.Core.Agents.Online;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Common;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Tests.Agents;

public class OnlineLoopTests
{
    private sealed class FakeBackbone(float action) : IOffPolicyBackbone
    {
        public List<(float[] Terminated, float[] Rewards, float[] Next)> Updates { get; } = [];

        public void ExploreAction(ReadOnlySpan<float> storedObservation, Span<float> a) => a.Fill(action);

        public void DeterministicAction(ReadOnlySpan<float> storedObservation, Span<float> a) => a.Fill(action);

        public void Update(TransitionBatch batch, ReadOnlySpan<float> rewards) =>
            Updates.Add((batch.Terminated[..batch.Size], rewards.ToArray(), batch.NextObservations[..(batch.Size * batch.ObservationSize)]));

        public IReadOnlyDictionary<string, double> Metrics { get; } = new Dictionary<string, double>();
    }

    /// <summary>A reward whose value is the number of reward updates so far: it shows when rewards are computed.</summary>
    private sealed class VersionReward : IImitationReward
    {
        public int Version { get; private set; }
        public int Episodes { get; private set; }

        public void BeginEpisode() => Episodes++;
        public float OnEnvironmentStep(ReadOnlySpan<float> observation, ReadOnlySpan<float> action) => 0f;
        public void Rewards(TransitionBatch batch, Span<float> rewards) => rewards[..batch.Size].Fill(Version);
        public void Update(ReplayBuffer agentReplay, Rng rng) => Version++;
        public IReadOnlyDictionary<string, double> Diagnostics { get; } = new Dictionary<string, double>();
        public ILearnedReward? LearnedReward => null;
    }

    private static AgentContext Context(PointTask task, long budget) =>
        new(task.Info, task, PointTask.Demonstrations(2, 1), ObservationStats.Identity(1), new SeedStreams(7), budget, HyperparameterSet.Empty);

    [Fact]
    public void Rewards_are_computed_when_a_batch_is_sampled_and_truncation_bootstraps()
    {
        var task = new PointTask(horizon: 5);
        var backbone = new FakeBackbone(0f);
        var reward = new VersionReward();
        var config = new OnlineConfig { BatchSize = 8, WarmupSteps = 3 };
        var learner = new OnlineImitationLearner(Context(task, 20), config, new AbsorbingStates(1, 1, false), reward, backbone);
        learner.TrainUntil(20, CancellationToken.None);
        Assert.Equal(20, learner.StepsDone);
        Assert.Equal(4, reward.Episodes);
        Assert.Equal(18, backbone.Updates.Count); // one update per step from step 3 on
        for (int k = 0; k < backbone.Updates.Count; k++)
        {
            Assert.All(backbone.Updates[k].Rewards, r => Assert.Equal(k + 1, r)); // relabelled with the current reward
            Assert.All(backbone.Updates[k].Terminated, t => Assert.Equal(0f, t)); // time limits are not terminal
        }
    }

    [Fact]
    public void Termination_is_stored_and_absorbing_states_replace_it()
    {
        var plain = new FakeBackbone(1f);
        var config = new OnlineConfig { BatchSize = 64, WarmupSteps = 40 };
        new OnlineImitationLearner(Context(new PointTask(100, terminatesEarly: true), 60), config, new AbsorbingStates(1, 1, false), new VersionReward(), plain)
            .TrainUntil(60, CancellationToken.None);
        Assert.Contains(plain.Updates, u => u.Terminated.Contains(1f));

        var absorbing = new FakeBackbone(1f);
        new OnlineImitationLearner(Context(new PointTask(100, terminatesEarly: true), 60), config, new AbsorbingStates(1, 1, true), new VersionReward(), absorbing)
            .TrainUntil(60, CancellationToken.None);
        Assert.All(absorbing.Updates, u => Assert.DoesNotContain(1f, u.Terminated));
        // Rows are [x, indicator]; some next states are the absorbing state [0, 1].
        Assert.Contains(absorbing.Updates, u => Enumerable.Range(0, u.Next.Length / 2).Any(r => u.Next[2 * r + 1] == 1f && u.Next[2 * r] == 0f));
    }

    [Fact]
    public void Training_is_deterministic_given_the_seed()
    {
        float[] Run()
        {
            var backbone = new FakeBackbone(0.3f);
            new OnlineImitationLearner(Context(new PointTask(7), 30), new OnlineConfig { BatchSize = 4, WarmupSteps = 10 },
                new AbsorbingStates(1, 1, false), new VersionReward(), backbone).TrainUntil(30, CancellationToken.None);
            return backbone.Updates.SelectMany(u => u.Next).ToArray();
        }
        Assert.Equal(Run(), Run());
    }
}
