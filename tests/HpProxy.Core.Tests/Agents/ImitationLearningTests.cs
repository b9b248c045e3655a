using HpProxy.Core.Agents;
using static HpProxy.Core.Tests.Agents.AgentTestContext;

namespace HpProxy.Core.Tests.Agents;

/// <summary>The online imitation algorithms learn the point task from demonstrations alone (no reward anywhere):
/// doing nothing scores about −26.5 on the evaluation episodes, the expert about −1. The adversarial members are
/// slower and less stable on this toy; their learning is shown by the discriminator tests and by the bench
/// (gail reaches the expert's return on pendulum, docs in the agents report).</summary>
public class ImitationLearningTests
{
    [Theory]
    [InlineData("pwil")]
    [InlineData("sqil")]
    public void Learns_the_point_task_from_demonstrations(string name)
    {
        var algorithm = AlgorithmRegistry.Find(name)!;
        var names = algorithm.Hyperparameters.Select(h => h.Name).ToHashSet();
        var settings = new List<(string, object)> { ("hidden_units", 32), ("batch_size", 64), ("warmup_steps", 200), ("discount", 0.9) };
        if (names.Contains("discriminator_hidden_units")) settings.Add(("discriminator_hidden_units", 32));
        if (names.Contains("discriminator_batch_size")) settings.Add(("discriminator_batch_size", 64));
        var learner = algorithm.Create(Point(1500, Hp(settings.ToArray())));
        learner.TrainUntil(1500, CancellationToken.None);
        double score = PointTask.Evaluate(learner.Policy); // at least halves the cost of doing nothing
        Assert.True(score > -13, $"{name}: return {score:F2}");
    }
}
