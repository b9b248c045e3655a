using HpProxy.Core.Agents.Hyperparameters;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Tests.Agents;

public class HyperparameterSchemaTests
{
    private static readonly HpSchema Schema = new(
    [
        HpSpec.Real("learning_rate", 1e-3, 1e-7, 0.1, "step size", "log-uniform"),
        HpSpec.Integer("hidden_units", 256, 1, 4096, "units", "{64, 256}"),
        HpSpec.Choice("loss", "mse", ["mse", "nll"], "loss"),
        HpSpec.Boolean("normalize_observations", true, "normalise"),
    ]);

    private static HyperparameterSet Set(params (string, HpValue)[] values) =>
        new(values.Select(v => new KeyValuePair<string, HpValue>(v.Item1, v.Item2)));

    [Fact]
    public void Reports_every_problem_at_once_with_suggestions()
    {
        var problems = Schema.Validate(Set(
            ("learning_rat", HpValue.Of(0.1)),
            ("hidden_units", HpValue.Of(2.5)),
            ("loss", HpValue.Of("nl")),
            ("normalize_observations", HpValue.Of("maybe")),
            ("zzzzzzzzzz", HpValue.Of(1))));
        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("unknown hyperparameter 'learning_rat' (did you mean 'learning_rate'?)"));
        Assert.Contains(problems, p => p.Contains("'hidden_units'") && p.Contains("integer"));
        Assert.Contains(problems, p => p.Contains("'nl'") && p.Contains("did you mean 'nll'"));
        Assert.Contains(problems, p => p.Contains("true or false"));
        Assert.Contains(problems, p => p == "unknown hyperparameter 'zzzzzzzzzz'");
    }

    [Fact]
    public void Out_of_range_values_are_rejected_and_valid_ones_pass()
    {
        Assert.Single(Schema.Validate(Set(("learning_rate", HpValue.Of(1.0)))));
        Assert.Empty(Schema.Validate(Set(("learning_rate", HpValue.Of(0.01)), ("loss", HpValue.Of("nll")), ("normalize_observations", HpValue.Of(false)))));
        Assert.Throws<ArgumentException>(() => Schema.EnsureValid(Set(("hidden_units", HpValue.Of(0)))));
    }

    [Fact]
    public void A_default_outside_its_own_range_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => new HpSchema([HpSpec.Real("x", 5, 0, 1, "", "")]));
        Assert.Throws<ArgumentException>(() => new HpSchema([HpSpec.Real("x", 0.5, 0, 1, "", ""), HpSpec.Real("x", 0.5, 0, 1, "", "")]));
    }
}
