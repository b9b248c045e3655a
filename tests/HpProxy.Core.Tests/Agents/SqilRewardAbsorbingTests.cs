using HpProxy.Core.Agents;
using static HpProxy.Core.Tests.Agents.AgentTestContext;

namespace HpProxy.Core.Tests.Agents;

/// <summary>SQIL's rewards (also AQuaDem's) are never negative, so without absorbing states a goal that ends the
/// episode is avoided (mountain car, docs/benchmarks.md); absorbing states are on by default where a task can end early.</summary>
public class SqilRewardAbsorbingTests
{
    [Theory]
    [InlineData("sqil", "mountaincar", null, 1)]          // terminates at the goal: on by default
    [InlineData("sqil", "cartpole-balance", null, 1)]     // terminates when the pole falls
    [InlineData("sqil", "mountaincar", false, 0)]         // the paper's terminal masks, on request
    [InlineData("sqil", "pendulum", null, 0)]             // never ends early: nothing to absorb
    [InlineData("sqil", "pendulum", true, 0)]
    [InlineData("aquadem", "mountaincar", null, 1)]
    [InlineData("aquadem", "mountaincar", false, 0)]
    [InlineData("aquadem", "pendulum", null, 0)]
    public void Absorbing_states_follow_the_task_and_the_setting(string algorithm, string task, bool? absorbingStates, double expected)
    {
        var learner = Create(algorithm, task, absorbingStates);
        learner.TrainUntil(60, CancellationToken.None);
        Assert.Equal(expected, learner.Diagnostics["absorbing_states"]);
    }

    private static ILearner Create(string algorithm, string task, bool? absorbingStates)
    {
        var settings = new List<(string, object)> { ("hidden_units", 16), ("batch_size", 16), ("warmup_steps", 20) };
        if (algorithm == "aquadem") settings.Add(("pretrain_steps", 20));
        if (absorbingStates is { } on) settings.Add(("absorbing_states", on));
        var (context, _) = Classic(task, 2, 60, Hp(settings.ToArray()));
        return AlgorithmRegistry.Find(algorithm)!.Create(context);
    }
}
