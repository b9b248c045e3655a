using HpProxy.Core.Agents.Pwil;
using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Tests.Agents;

public class PwilRewardTests
{
    // One expert episode with states 0, 1 (and a final state 2, which is not an atom): N = 2 atoms of weight 1/2.
    private static readonly DemonstrationSet Expert = new("e", 1, 1,
        [new Trajectory(1, 1, [0f, 1f, 2f], [0.5f, -0.5f], terminated: false)]);

    [Fact]
    public void Hand_computed_two_step_episode_then_exhaustion()
    {
        // T = 2 → step mass 1/2 − 1e-6; D = 1 → σ = β·T/√D = 10; α = 5.
        var pwil = new PwilReward(Expert, ObservationStats.Identity(1), useActions: false, horizon: 2);
        float[] a = [0f];

        // Step 1 at s = 0.2: all its mass goes to atom 0 (distance 0.2).
        double r1 = pwil.Step([0.2f], a);
        Assert.Equal(5 * Math.Exp(-10 * (0.5 - 1e-6) * 0.2), r1, 6); // 6 digits: 0.2f is not exactly 0.2

        // Step 2 at s = 0.2: atom 0's last 1e-6 (distance 0.2), then 0.5 − 2e-6 of atom 1 (distance 0.8).
        double r2 = pwil.Step([0.2f], a);
        Assert.Equal(5 * Math.Exp(-10 * (1e-6 * 0.2 + (0.5 - 2e-6) * 0.8)), r2, 6);
        Assert.Equal(2e-6, pwil.RemainingExpertMass, 12);

        // Step 3 would need more mass than is left: reward 0 once the expert mass is exhausted.
        Assert.Equal(0.0, pwil.Step([0f], a));
        Assert.Equal(0.0, pwil.Step([0f], a));

        // A new episode restores the weights.
        pwil.BeginEpisode();
        Assert.Equal(r1, pwil.Step([0.2f], a), 12);
    }

    [Fact]
    public void Imitating_the_expert_exactly_earns_alpha()
    {
        var pwil = new PwilReward(Expert, ObservationStats.Identity(1), useActions: true, horizon: 2, alpha: 3);
        Assert.Equal(3.0, pwil.Step([0f], [0.5f]), 9);
        Assert.InRange(pwil.Step([1f], [-0.5f]), 2.999, 3.0); // atom 0's last 1e-6 is a little further away
    }

    [Fact]
    public void Learned_reward_view_restarts_after_the_horizon()
    {
        var view = new PwilLearnedReward(new PwilReward(Expert, ObservationStats.Identity(1), useActions: false, horizon: 2));
        float[] a = [0f];
        double first = view.Reward([0.2f], a, [0.2f]);
        double second = view.Reward([0.2f], a, [0.2f]);
        Assert.NotEqual(first, second, 6); // the coupling state carries over within an episode
        Assert.Equal(first, view.Reward([0.2f], a, [0.2f]), 12);
    }

    [Fact]
    public void Learned_reward_view_detects_a_new_episode_from_a_discontinuity()
    {
        var view = new PwilLearnedReward(new PwilReward(Expert, ObservationStats.Identity(1), useActions: false, horizon: 3));
        float[] a = [0f];
        double first = view.Reward([0.2f], a, [0.3f]);
        view.Reward([0.3f], a, [0.4f]);                          // continues the episode (0.3 was the last next state)
        Assert.Equal(first, view.Reward([0.2f], a, [0.3f]), 12); // 0.2 does not continue from 0.4: a new episode
        // Without the restart the same step would find atom 0 partly used and cost more.
        var continuous = new PwilLearnedReward(new PwilReward(Expert, ObservationStats.Identity(1), useActions: false, horizon: 3));
        continuous.Reward([0.2f], a, [0.2f]);
        Assert.NotEqual(first, continuous.Reward([0.2f], a, [0.3f]), 6);
    }

    // One expert episode that terminates after 2 steps (states 0, 1; final state 2), horizon T = 4: with absorbing
    // states it stands for 4 steps, 2 real and 2 absorbing, so M = 4 and each real atom weighs 1/4.
    private static readonly DemonstrationSet Terminating = new("e", 1, 1,
        [new Trajectory(1, 1, [0f, 1f, 2f], [0.5f, -0.5f], terminated: true)]);

    [Fact]
    public void Absorbing_steps_of_the_demonstrations_share_the_expert_mass()
    {
        // T = 4 → step mass 1/4 − 1e-6; D = 1 → σ = β·T/√D = 20; α = 5.
        var pwil = new PwilReward(Terminating, ObservationStats.Identity(1), useActions: false, horizon: 4, absorbing: true);
        float[] a = [0f];
        Assert.Equal(5.0, pwil.AbsorbingReward);
        Assert.Equal(0.5, pwil.RemainingAbsorbingMass, 15);

        // Step 1 at s = 0.2: its mass goes to atom 0 (weight 1/4, distance 0.2).
        Assert.Equal(5 * Math.Exp(-20 * (0.25 - 1e-6) * 0.2), pwil.Step([0.2f], a), 6);
        // Step 2 at s = 1: atom 1 is at distance 0 and still holds 1/4: reward α.
        Assert.Equal(5.0, pwil.Step([1f], a), 12);
        Assert.Equal(0.5 + 2e-6, pwil.RemainingExpertMass, 12);

        // Step 3: the atoms' last 1e-6 each, then no real mass is left: the rest (1/4 − 3e-6) crosses to the
        // absorbing mass at infinite distance and the step earns 0 — surviving past the demonstration earns nothing.
        Assert.Equal(0.0, pwil.Step([1f], a));
        Assert.Equal(0.25 + 3e-6, pwil.RemainingAbsorbingMass, 12);
        Assert.Equal(0.25 + 3e-6, pwil.RemainingExpertMass, 12);
        Assert.Equal(0.0, pwil.Step([1f], a));
        Assert.Equal(4e-6, pwil.RemainingAbsorbingMass, 12);

        pwil.BeginEpisode();
        Assert.Equal(0.5, pwil.RemainingAbsorbingMass, 15);
    }

    [Fact]
    public void Without_absorbing_states_a_terminating_demonstration_keeps_the_papers_weights()
    {
        // The paper's PWIL: N = 2 atoms of weight 1/2 whatever the horizon, and no reward for an absorbing state.
        var plain = new PwilReward(Terminating, ObservationStats.Identity(1), useActions: false, horizon: 4);
        Assert.Equal(0.0, plain.AbsorbingReward);
        Assert.Equal(0.0, plain.RemainingAbsorbingMass);
        Assert.Equal(5 * Math.Exp(-20 * (0.25 - 1e-6) * 0.2), plain.Step([0.2f], [0f]), 6);
        Assert.Equal(0.75 + 1e-6, plain.RemainingExpertMass, 12); // 1/4 − 1e-6 of atom 0's 1/2 is used
    }

    [Fact]
    public void Demonstrations_that_never_terminate_give_the_absorbing_state_no_reward()
    {
        var pwil = new PwilReward(Expert, ObservationStats.Identity(1), useActions: false, horizon: 2, absorbing: true);
        Assert.Equal(0.0, pwil.AbsorbingReward);
        Assert.Equal(0.0, pwil.RemainingAbsorbingMass);
        var plain = new PwilReward(Expert, ObservationStats.Identity(1), useActions: false, horizon: 2);
        Assert.Equal(plain.Step([0.2f], [0f]), pwil.Step([0.2f], [0f])); // the same coupling to the last bit
    }
}
