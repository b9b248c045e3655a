using HpProxy.Core.Agents;
using HpProxy.Core.Agents.Pwil;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Envs.Data;
using static HpProxy.Core.Tests.Agents.AgentTestContext;

namespace HpProxy.Core.Tests.Agents;

/// <summary>PWIL's opt-in absorbing states (decision 0008): off by default (the paper's terminal masks, the numbers
/// of runs already recorded), on request only where a task can end early.</summary>
public class PwilAbsorbingTests
{
    [Theory]
    [InlineData("mountaincar", true, 1.0)]   // terminates at the goal
    [InlineData("mountaincar", false, null)] // the paper's PWIL: not even the diagnostic is new
    [InlineData("mountaincar", null, null)]  // the default
    [InlineData("pendulum", true, 0.0)]      // never ends early: nothing to absorb
    public void Absorbing_states_are_opt_in_and_follow_the_task(string task, bool? absorbingStates, double? expected)
    {
        var settings = new List<(string, object)> { ("hidden_units", 16), ("batch_size", 16), ("warmup_steps", 20) };
        if (absorbingStates is { } on) settings.Add(("absorbing_states", on));
        var (context, _) = Classic(task, 2, 60, Hp(settings.ToArray()));
        var learner = AlgorithmRegistry.Find("pwil")!.Create(context);
        learner.TrainUntil(60, CancellationToken.None);
        Assert.Equal(expected, learner.Diagnostics.TryGetValue("absorbing_states", out double v) ? v : null);
    }

    [Fact]
    public void Absorbing_rows_are_rewarded_with_the_absorbing_reward_whatever_they_stored()
    {
        // One demonstration that terminates after 2 of T = 4 steps: the absorbing state earns α = 5.
        var demos = new DemonstrationSet("e", 1, 1, [new Trajectory(1, 1, [0f, 1f, 2f], [0.5f, -0.5f], terminated: true)]);
        PwilReward New() => new(demos, ObservationStats.Identity(1), useActions: false, horizon: 4, absorbing: true);
        var absorbing = new AbsorbingStates(1, 1, enabled: true);
        var reward = new PwilImitationReward(New(), new PwilLearnedReward(New()), absorbing);
        var batch = new TransitionBatch(3, absorbing.StoredObservationSize, 1) { Size = 3 };
        absorbing.Augment([0.3f], batch.Observations.AsSpan(0, 2)); // a real state
        absorbing.WriteAbsorbing(batch.Observations.AsSpan(2, 2));  // the self-loop after a termination
        absorbing.Augment([0.7f], batch.Observations.AsSpan(4, 2));
        batch.Stored[0] = 1.5f;
        batch.Stored[1] = 0.25f;
        batch.Stored[2] = 2.5f;
        var rewards = new float[3];
        reward.Rewards(batch, rewards);
        Assert.Equal([1.5f, 5f, 2.5f], rewards);
    }
}
