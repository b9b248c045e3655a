using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Experts;

namespace HpProxy.Core.Tests.Experts;

public class TrueTransitionRewardTests
{
    [Fact]
    public void Replayed_transitions_get_the_reward_the_environment_paid()
    {
        var truth = new Pendulum();
        var table = new TrueRewardTable();
        var recording = new RewardRecordingEnvironment(new Pendulum(), table);
        var batch = new TransitionBatch(3, 3, 1);
        var expected = new double[3];
        var obs = new float[3];
        var next = new float[3];
        var check = new float[3];
        recording.Reset(11, obs);
        truth.Reset(11, check);
        float[] actions = [0.5f, -1f, 0.25f];
        for (int i = 0; i < 3; i++)
        {
            obs.CopyTo(batch.Observation(2 - i)); // rows in another order than collected
            batch.Action(2 - i)[0] = actions[i];
            recording.Step([actions[i]], next);
            expected[2 - i] = truth.Step([actions[i]], check).Reward.Value;
            next.CopyTo(batch.NextObservation(2 - i));
            Assert.Equal(check, next);
            next.CopyTo(obs);
        }
        var rewards = new float[3];
        new TrueTransitionReward(table).Rewards(batch, rewards);
        for (int i = 0; i < 3; i++) Assert.Equal((float)expected[i], rewards[i]);
        Assert.NotEqual(rewards[0], rewards[1]);
    }

    [Fact]
    public void A_transition_never_seen_is_an_error_not_a_zero()
    {
        var table = new TrueRewardTable();
        table.Record([1f, 2f], [0.5f], [1f, 2.1f], -3.0);
        var batch = new TransitionBatch(1, 2, 1);
        batch.Observation(0)[0] = 1f;
        batch.Observation(0)[1] = 2f;
        batch.Action(0)[0] = 0.5f;
        batch.NextObservation(0)[0] = 1f;
        batch.NextObservation(0)[1] = 2.1f;
        var rewards = new float[1];
        new TrueTransitionReward(table).Rewards(batch, rewards);
        Assert.Equal(-3f, rewards[0]);

        batch.Action(0)[0] = 0.5000001f; // one ulp away: another transition
        Assert.Throws<InvalidOperationException>(() => new TrueTransitionReward(table).Rewards(batch, rewards));
    }

    [Fact]
    public void Keys_depend_on_which_part_of_the_transition_a_value_is_in()
    {
        Assert.Equal(TransitionKey.Of([1f], [2f], [3f]), TransitionKey.Of([1f], [2f], [3f]));
        Assert.NotEqual(TransitionKey.Of([1f], [2f], [3f]), TransitionKey.Of([3f], [2f], [1f]));
        Assert.NotEqual(TransitionKey.Of([1f, 2f], [], [3f]), TransitionKey.Of([1f], [2f], [3f]));
    }
}
