using HpProxy.Core.Agents;
using HpProxy.Core.Agents.Adversarial;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Common;
using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Tests.Agents;

public class DiscriminatorTests
{
    private static (AdversarialLearner Learner, ReplayBuffer Agent, ReplayBuffer Expert) Build(AdversarialConfig config)
    {
        var demos = PointTask.Demonstrations(5, 42);
        var stats = ObservationStats.FromDemonstrations(demos);
        var encoder = new ObservationEncoder(stats, normalize: true, absorbing: false);
        var absorbing = new AbsorbingStates(1, 1, enabled: false);
        var expert = new ReplayBuffer(absorbing.RowsFor(demos.Episodes), 1, 1, isExpert: true);
        absorbing.StoreDemonstrations(expert, demos.Episodes);
        // "Agent" data: random actions at the same kind of states.
        var agent = new ReplayBuffer(1000, 1, 1);
        var rng = new Rng(5);
        for (int i = 0; i < 1000; i++)
        {
            float x = (float)rng.Uniform(-1, 1), a = (float)rng.Uniform(-1, 1);
            agent.Add([x], [a], [x + 0.2f * a], terminated: false);
        }
        var networks = new AdversarialNetworks(1, 1, config, new Rng(3));
        return (new AdversarialLearner(config, networks, encoder, 1, expert, 64, new Rng(4), new Rng(6)), agent, expert);
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(10.0, false)]
    [InlineData(10.0, true)]
    public void Separates_expert_from_random_actions(double gradientPenalty, bool mixup)
    {
        var config = AdversarialPresets.Gail with { DiscriminatorBatchSize = 64, DiscriminatorLearningRate = 3e-3, GradientPenalty = gradientPenalty, Mixup = mixup };
        var (learner, agent, expert) = Build(config);
        var rng = new Rng(7);
        for (int i = 0; i < 300; i++) learner.Update(agent, rng);
        Assert.True(double.IsFinite(learner.Diagnostics["discriminator_loss"]));
        // On average over the two data sets, expert transitions earn more than random ones.
        Assert.True(MeanReward(learner, expert) > MeanReward(learner, agent) + 0.1,
            $"expert {MeanReward(learner, expert)} vs agent {MeanReward(learner, agent)}");
        // Unregularised, the expert's action beats the opposite action at states on both sides of 0 (the
        // regularised variants are smoother where expert states are rare, so this is checked without them).
        var reward = learner.LearnedReward!;
        var points = gradientPenalty == 0 && !mixup ? new[] { -0.5f, -0.1f, 0.3f } : [];
        foreach (float x in points)
        {
            float expertAction = PointTask.Expert(x);
            double good = reward.Reward([x], [expertAction], [x + 0.2f * expertAction]);
            double bad = reward.Reward([x], [-expertAction], [x - 0.2f * expertAction]);
            Assert.True(good > bad, $"x = {x}: r(expert) = {good}, r(opposite) = {bad}");
        }
        if (!mixup) Assert.True(learner.Diagnostics["discriminator_accuracy"] > 0.75, $"accuracy {learner.Diagnostics["discriminator_accuracy"]}");
        Assert.InRange(learner.Diagnostics["discriminator_entropy"], 0, Math.Log(2) + 1e-9);
    }

    private static double MeanReward(AdversarialLearner learner, ReplayBuffer data)
    {
        var batch = new TransitionBatch(data.Count, 1, 1);
        for (int i = 0; i < data.Count; i++) data.CopyRow(i, batch, i);
        var r = new float[data.Count];
        learner.Rewards(batch, r);
        return r.Average();
    }

    [Fact]
    public void Relabelled_rewards_follow_the_transform()
    {
        var (gail, agent, _) = Build(AdversarialPresets.Gail);
        var batch = new TransitionBatch(16, 1, 1);
        agent.SampleInto(batch, 0, 16, new Rng(1));
        var r = new float[16];
        gail.Rewards(batch, r);
        Assert.All(r, v => Assert.True(v > 0)); // softplus(ℓ) > 0: the survival bias of GAIL's reward
        var (logD, _, _) = Build(AdversarialPresets.Gail with { RewardTransform = "log_d" });
        logD.Rewards(batch, r);
        Assert.All(r, v => Assert.True(v < 0));
    }
}
