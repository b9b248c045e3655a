using HpProxy.Core.Agents;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Tests.Agents;

public class AlgorithmRegistryTests
{
    private static HyperparameterSet Set(params (string, HpValue)[] values) =>
        new(values.Select(v => new KeyValuePair<string, HpValue>(v.Item1, v.Item2)));

    [Fact]
    public void Lists_every_algorithm_once_and_finds_by_name()
    {
        Assert.Equal(["bc", "gail", "dac", "airl", "fairl", "pwil", "sqil", "aquadem"], AlgorithmRegistry.All.Select(a => a.Name));
        Assert.Same(AlgorithmRegistry.All[1], AlgorithmRegistry.Find("gail"));
        Assert.Null(AlgorithmRegistry.Find("sac"));
        Assert.False(AlgorithmRegistry.Find("bc")!.IsOnline);
        Assert.All(AlgorithmRegistry.All.Skip(1), a => Assert.True(a.IsOnline));
    }

    [Fact]
    public void Every_algorithm_accepts_its_defaults_and_documents_every_name()
    {
        foreach (var algorithm in AlgorithmRegistry.All)
        {
            var defaults = Set(algorithm.Hyperparameters.Select(h => (h.Name, h.Default)).ToArray());
            var foreign = algorithm.Validate(defaults);
            // Setting every default explicitly sets both backbones' names, which the cross-check rejects; nothing else may fail.
            Assert.All(foreign, p => Assert.Contains("does not apply when rl_algorithm", p));
            Assert.All(algorithm.Hyperparameters, h =>
            {
                Assert.False(string.IsNullOrWhiteSpace(h.Description));
                Assert.False(string.IsNullOrWhiteSpace(h.SuggestedRange));
            });
            Assert.Empty(algorithm.Validate(HyperparameterSet.Empty));
        }
    }

    [Fact]
    public void Validation_lists_every_problem_with_suggestions()
    {
        var gail = AlgorithmRegistry.Find("gail")!;
        var problems = gail.Validate(Set(
            ("gradient_penalti", HpValue.Of(10)),
            ("reward_transform", HpValue.Of("gial")),
            ("discount", HpValue.Of(1.5)),
            ("batch_size", HpValue.Of(0))));
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("did you mean 'gradient_penalty'"));
        Assert.Contains(problems, p => p.Contains("did you mean 'gail'"));
    }

    [Fact]
    public void A_hyperparameter_of_the_other_backbone_is_an_error()
    {
        var gail = AlgorithmRegistry.Find("gail")!;
        Assert.Single(gail.Validate(Set(("policy_noise", HpValue.Of(0.2)))));
        Assert.Empty(gail.Validate(Set(("policy_noise", HpValue.Of(0.2)), ("rl_algorithm", HpValue.Of("td3")))));
        var dac = AlgorithmRegistry.Find("dac")!;
        Assert.Single(dac.Validate(Set(("initial_temperature", HpValue.Of(0.1)))));
    }

    [Fact]
    public void Sqil_needs_expert_transitions_in_its_batches()
    {
        Assert.Single(AlgorithmRegistry.Find("sqil")!.Validate(Set(("expert_mix", HpValue.Of(0)))));
    }
}
