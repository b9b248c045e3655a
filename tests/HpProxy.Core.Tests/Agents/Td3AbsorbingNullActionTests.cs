using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Agents.Td3;
using HpProxy.Core.Common;
using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Tests.Agents;

/// <summary>
/// TD3's opt-in <c>absorbing_null_action</c> (DAC's reference code, decision 0010): the target action in the
/// absorbing state s_a is 0, the action its self-loop rows store, and rows in s_a do not enter the actor loss.
/// Stored rows are [x, indicator]; the absorbing state is [0, 1].
/// </summary>
public class Td3AbsorbingNullActionTests
{
    private const int Batch = 16;

    /// <summary>Every next state is absorbing: with the option the critic's target no longer depends on the target
    /// actor (its action there is 0 whatever μ̄ says); without it, it does.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Critic_target_in_the_absorbing_state_ignores_the_target_actor_only_with_the_option(bool option)
    {
        var plain = Learner(option);
        var perturbed = Learner(option);
        foreach (var p in perturbed.Networks.ActorTarget.Parameters)
            for (int i = 0; i < p.Length; i++) p.Value[i] += 0.5f;
        var (batch, rewards) = Rows(currentAbsorbing: false, nextAbsorbing: true);

        plain.Update(batch, rewards);
        perturbed.Update(batch, rewards);

        bool same = plain.Networks.Q1.Parameters.Zip(perturbed.Networks.Q1.Parameters).All(p => p.First.Value.SequenceEqual(p.Second.Value));
        Assert.Equal(option, same);
    }

    /// <summary>Every row is the absorbing self-loop: with the option the actor gets no gradient (no action is chosen
    /// in s_a) and keeps its parameters; without it, it is trained on s_a like any state.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Absorbing_rows_leave_the_actor_unchanged_only_with_the_option(bool option)
    {
        var td3 = Learner(option);
        var before = td3.Networks.Actor.Parameters.Select(p => p.Value.ToArray()).ToArray();
        var (batch, rewards) = Rows(currentAbsorbing: true, nextAbsorbing: true);

        td3.Update(batch, rewards);

        bool unchanged = td3.Networks.Actor.Parameters.Select((p, k) => p.Value.SequenceEqual(before[k])).All(x => x);
        Assert.Equal(option, unchanged);
    }

    private static Td3Learner Learner(bool option)
    {
        var encoder = new ObservationEncoder(ObservationStats.Identity(1), normalize: false, absorbing: true);
        var config = new Td3Config { HiddenUnits = 8, PolicyDelay = 1, AbsorbingNullAction = option };
        return new Td3Learner(encoder.Size, 1, Batch, config, encoder, new Rng(1), new Rng(2));
    }

    private static (TransitionBatch Batch, float[] Rewards) Rows(bool currentAbsorbing, bool nextAbsorbing)
    {
        var batch = new TransitionBatch(Batch, 2, 1) { Size = Batch };
        var rewards = new float[Batch];
        var rng = new Rng(3);
        for (int i = 0; i < Batch; i++)
        {
            batch.Observations[2 * i] = currentAbsorbing ? 0f : (float)rng.Uniform(-1, 1);
            batch.Observations[2 * i + 1] = currentAbsorbing ? 1f : 0f;
            batch.NextObservations[2 * i] = nextAbsorbing ? 0f : (float)rng.Uniform(-1, 1);
            batch.NextObservations[2 * i + 1] = nextAbsorbing ? 1f : 0f;
            batch.Actions[i] = currentAbsorbing ? 0f : (float)rng.Uniform(-1, 1);
            rewards[i] = (float)rng.Uniform(0, 1);
        }
        return (batch, rewards);
    }
}
