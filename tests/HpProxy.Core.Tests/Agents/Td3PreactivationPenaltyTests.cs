using HpProxy.Core.Agents;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Agents.Td3;
using HpProxy.Core.Common;
using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Tests.Agents;

/// <summary>
/// TD3's opt-in <c>actor_preactivation_penalty</c> (decision 0010). DAC on mountain car failed in 2 of 3 seeds
/// because its deterministic actor a = tanh f(s) saturated (|f| = 3–16) within the first 2 500 steps: the critic
/// preferred the other action's sign where the car moved the other way, but ∂a/∂f = 1 − tanh²f ≈ 0 left the
/// actor pushing one way for ever. These tests reproduce that in miniature.
/// </summary>
public class Td3PreactivationPenaltyTests
{
    private const int Batch = 64;

    /// <summary>The penalty's gradient on the output bias is exactly 2λ·mean f when the Q-gradient path is zero
    /// (f = 20: tanh f is 1 in single precision, so 1 − a² = 0), and absent at the default.</summary>
    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-3)]
    [InlineData(0.05)]
    public void Gradient_on_a_saturated_actor_is_the_penalty_alone(double penalty)
    {
        var (td3, bias) = SaturatedLearner(penalty, policyDelay: 1);
        var batch = Bandit(new Rng(3), out var rewards);
        var encoder = new ObservationEncoder(ObservationStats.Identity(1), normalize: false, absorbing: false);
        var encoded = new float[Batch];
        encoder.Encode(batch.Observations, encoded, Batch);
        var f = td3.Networks.Actor.Forward(encoded, Batch).ToArray();
        Assert.All(f, x => Assert.Equal(1f, MathF.Tanh(x))); // saturated: no policy gradient gets through

        td3.Update(batch, rewards);

        double expected = 2 * penalty * f.Average(x => (double)x);
        Assert.Equal(expected, bias.Grad[0], 1e-4 * Math.Max(1, Math.Abs(expected)));
        Assert.Equal(penalty > 0, td3.Metrics.ContainsKey("actor_preactivation_abs"));
        if (penalty > 0) Assert.Equal(f.Average(x => Math.Abs((double)x)), td3.Metrics["actor_preactivation_abs"], 1e-3);
    }

    /// <summary>A one-step bandit whose reward a·sign(s) wants a = sign(s) (the demonstrator's a = sign(v) on
    /// mountain car), learned from an actor saturated at +1. At the default the actor never moves (its gradient is
    /// 0), so the action stays +1 where −1 is right; with the penalty it leaves saturation and follows the critic.</summary>
    [Theory]
    [InlineData(0.0, false)]
    [InlineData(1e-2, true)]
    public void A_saturated_actor_follows_the_critic_only_with_the_penalty(double penalty, bool follows)
    {
        var (td3, _) = SaturatedLearner(penalty, policyDelay: 2);
        var rng = new Rng(3);
        for (int u = 0; u < 1500; u++)
        {
            var batch = Bandit(rng, out var rewards);
            td3.Update(batch, rewards);
        }
        var left = new float[1];
        var right = new float[1];
        td3.DeterministicAction([-0.5f], left);
        td3.DeterministicAction([0.5f], right);
        if (follows)
        {
            Assert.True(left[0] < -0.5f && right[0] > 0.5f, $"a(−0.5) = {left[0]}, a(0.5) = {right[0]}");
        }
        else
        {
            Assert.Equal(1f, left[0]);
            Assert.Equal(1f, right[0]);
        }
    }

    private static (Td3Learner Learner, HpProxy.Core.Nn.Parameter OutputBias) SaturatedLearner(double penalty, int policyDelay)
    {
        var encoder = new ObservationEncoder(ObservationStats.Identity(1), normalize: false, absorbing: false);
        var config = new Td3Config { HiddenUnits = 16, LearningRate = 3e-3, PolicyDelay = policyDelay, ActorPreactivationPenalty = penalty };
        var td3 = new Td3Learner(1, 1, Batch, config, encoder, new Rng(1), new Rng(2));
        var bias = td3.Networks.Actor.Parameters.Single(p => p.Name == "layer2.bias");
        bias.Value[0] = 20f;
        td3.Networks.Actor.CopyParametersTo(td3.Networks.ActorTarget);
        return (td3, bias);
    }

    /// <summary>Terminal one-step transitions: s ~ U(−1, 1), a ~ U(−1, 1), r = a·sign(s), so Q(s, a) = a·sign(s).</summary>
    private static TransitionBatch Bandit(Rng rng, out float[] rewards)
    {
        var batch = new TransitionBatch(Batch, 1, 1) { Size = Batch };
        rewards = new float[Batch];
        for (int i = 0; i < Batch; i++)
        {
            float s = (float)rng.Uniform(-1, 1), a = (float)rng.Uniform(-1, 1);
            batch.Observations[i] = s;
            batch.NextObservations[i] = s;
            batch.Actions[i] = a;
            batch.Terminated[i] = 1f;
            rewards[i] = a * MathF.Sign(s);
        }
        return batch;
    }
}
