using HpProxy.Core.Agents.Online;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Agents.Td3;
using HpProxy.Core.Common;
using HpProxy.Core.Envs.Data;
using static HpProxy.Core.Tests.Agents.AgentTestContext;

namespace HpProxy.Core.Tests.Agents;

public class OffPolicyRlTests
{
    [Theory]
    [InlineData("sac")]
    [InlineData("td3")]
    public void Backbone_learns_to_move_the_point_to_zero_from_an_injected_reward(string backbone)
    {
        // Sanity mode: the reward −|x'| is injected from the test, outside Agents.
        var hp = Hp(("rl_algorithm", backbone), ("hidden_units", 32), ("batch_size", 64), ("warmup_steps", 200), ("discount", 0.9));
        var learner = OffPolicyRl.Create(Point(1500, hp), new PointReward());
        double before = PointTask.Evaluate(learner.Policy);
        learner.TrainUntil(1500, CancellationToken.None);
        double after = PointTask.Evaluate(learner.Policy);
        // Doing nothing scores about −26.5, the expert about −1.
        Assert.True(after > -6 && after > before + 5, $"return {before:F2} → {after:F2}");
        Assert.True(learner.Diagnostics.ContainsKey("critic_loss"));
    }

    [Fact]
    public void Sac_temperature_targets_minus_the_action_dimension()
    {
        var hp = Hp(("hidden_units", 16), ("batch_size", 32), ("warmup_steps", 50));
        var learner = OffPolicyRl.Create(Point(300, hp), new PointReward());
        learner.TrainUntil(300, CancellationToken.None);
        // With target entropy −1 and an initial policy entropy well above it, α decreases from 1.
        Assert.InRange(learner.Diagnostics["temperature"], 0.0, 0.99);
    }

    [Fact]
    public void Td3_target_noise_is_drawn_per_sample()
    {
        var encoder = new ObservationEncoder(ObservationStats.Identity(1), normalize: false, absorbing: false);
        var td3 = new Td3Learner(1, 1, 8, new Td3Config { HiddenUnits = 8, PolicyNoise = 0.2, NoiseClip = 0.5 }, encoder, new Rng(1), new Rng(2));
        var next = new float[8]; // eight identical next states
        var actions = new float[8];
        td3.TargetActions(next, 8, actions);
        Assert.True(actions.Distinct().Count() == 8, "every row gets its own smoothing noise");
        var mean = new float[1];
        td3.DeterministicAction([0f], mean);
        float mu = mean[0];
        Assert.All(actions, a => Assert.InRange(a, mu - 0.5f - 1e-6f, mu + 0.5f + 1e-6f)); // clipped at c = 0.5
    }
}
