using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Tests.Studies;

/// <summary><c>configurations:</c> (explicit hyperparameters instead of a sampled space) and <c>first_seed</c>.</summary>
public class FixedConfigurationTests
{
    private const string Header = """
        seed: 3
        tasks: [pendulum, cartpole-swingup]
        demonstrations:
          - {name: synthetic, regime: synthetic, episodes: {train: 10, validation: 5}}
          - {name: noisy, regime: human-like, episodes: {train: 10, validation: 5}}
        checkpoints: 2
        seeds: 2
        proxies: [action_mse]

        """;

    private static StudyLoadResult Load(string text) => StudyLoader.Load("studies/fixed.yaml", text, new FakeStudyCatalog());

    [Fact]
    public void Fixed_configurations_plan_where_they_are_restricted_to()
    {
        string text = Header + """
            first_seed: 5
            algorithms:
              - name: bc
                budget: 100
                configurations:
                  - hyperparameters: {learning_rate: 0.001, hidden_units: 64}
                  - hyperparameters: {learning_rate: 0.0003, activation: "tanh"}
                    tasks: [pendulum]
                    demonstrations: [noisy]
                  - hyperparameters: {}
            """;
        var result = Load(text);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var study = result.Study!;
        Assert.Equal(5, study.FirstSeed);
        var bc = Assert.Single(study.Algorithms);
        Assert.Equal(3, bc.Samples);
        Assert.Empty(bc.Space);
        Assert.Equal(["pendulum"], bc.Configurations![1].Tasks);

        var plan = StudyPlanner.Plan(study);
        // configs 0 and 2 on 2 tasks × 2 sets, config 1 on (pendulum, noisy) only; seeds 5 and 6.
        Assert.Equal((4 + 4 + 1) * 2, plan.Runs.Count);
        Assert.Equal([5, 6], plan.Runs.Select(r => r.Seed).Distinct().Order());
        var restricted = plan.Runs.Where(r => r.ConfigurationIndex == 1).ToList();
        Assert.All(restricted, r => Assert.Equal(("pendulum", "noisy"), (r.Task, r.Demonstrations)));
        Assert.Equal("tanh", restricted[0].Spec.Hyperparameters["activation"].Text);
        Assert.Equal(3, plan.Configurations.Count);
        Assert.Empty(plan.Configurations[2].Hyperparameters);
    }

    [Fact]
    public void A_fixed_configuration_gets_the_id_and_runs_of_the_same_sampled_configuration()
    {
        // The original study samples BC's space; the follow-up lists one of its draws with the values copied.
        string original = Header + """
            algorithms:
              - name: bc
                budget: 100
                samples: 4
                space:
                  learning_rate: {log_uniform: [1.0e-4, 1.0e-2]}
                  activation: {choice: [relu, tanh]}
            """;
        var originalStudy = Load(original).GetStudyOrThrow();
        var drawn = StudyPlanner.Plan(originalStudy).Configurations[2];
        string lr = drawn.Hyperparameters["learning_rate"].Number!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        string followUp = Header.Replace("seeds: 2", "seeds: 1\nfirst_seed: 2", StringComparison.Ordinal) + $$"""
            algorithms:
              - name: bc
                budget: 100
                configurations:
                  - hyperparameters: {learning_rate: {{lr}}, activation: {{drawn.Hyperparameters["activation"].Text}}}
            """;
        var followUpPlan = StudyPlanner.Plan(Load(followUp).GetStudyOrThrow());

        Assert.Equal(drawn.Id, Assert.Single(followUpPlan.Configurations).Id);
        // With more seeds, the original would plan exactly the follow-up's runs (same spec, seed index 2).
        var moreSeeds = StudyPlanner.Plan(Load(original.Replace("seeds: 2", "seeds: 3", StringComparison.Ordinal)).GetStudyOrThrow());
        var expected = moreSeeds.Runs.Where(r => r.ConfigId == drawn.Id && r.Seed == 2).Select(r => r.RunId).Order().ToList();
        Assert.Equal(4, expected.Count);
        Assert.Equal(expected, followUpPlan.Runs.Select(r => r.RunId).Order());
        // ... and none of them is a run of the original study.
        Assert.Empty(followUpPlan.Runs.Select(r => r.RunId).Intersect(StudyPlanner.Plan(originalStudy).Runs.Select(r => r.RunId)));
    }

    [Fact]
    public void Text_and_numbers_keep_their_type_in_the_configuration_id()
    {
        string Of(string value) => StudyPlanner.Plan(Load(Header + $$"""
            algorithms:
              - name: bc
                budget: 100
                configurations:
                  - hyperparameters: {hidden_units: {{value}}}
            """).GetStudyOrThrow()).Configurations[0].Id;

        Assert.Equal(ConfigurationSampler.ConfigurationId("bc", new HyperparameterSet([KeyValuePair.Create("hidden_units", HpValue.Of(64))])), Of("64"));
        Assert.Equal(Of("64"), Of("64.0"));
    }

    [Theory]
    // space and configurations together
    [InlineData("""
            algorithms:
              - name: bc
                budget: 100
                samples: 2
                space: {learning_rate: {log_uniform: [1.0e-4, 1.0e-2]}}
                configurations:
                  - hyperparameters: {learning_rate: 0.001}
            """, "algorithms[0].samples|algorithms[0].space", "cannot be combined with 'configurations'")]
    // an empty list
    [InlineData("""
            algorithms:
              - {name: bc, budget: 100, configurations: []}
            """, "algorithms[0].configurations", "the list is empty")]
    // an item without hyperparameters, and an unknown key in an item
    [InlineData("""
            algorithms:
              - name: bc
                budget: 100
                configurations:
                  - tasks: [pendulum]
                  - hyperparameters: {}
                    task: [pendulum]
            """, "algorithms[0].configurations[0].hyperparameters|algorithms[0].configurations[1].task", "missing required key 'hyperparameters'|did you mean 'tasks'?")]
    // an unknown hyperparameter and a value the algorithm rejects
    [InlineData("""
            algorithms:
              - name: bc
                budget: 100
                configurations:
                  - hyperparameters: {learnig_rate: 0.001}
                  - hyperparameters: {learning_rate: 2.5}
            """, "algorithms[0].configurations[0].hyperparameters.learnig_rate|algorithms[0].configurations[1].hyperparameters", "did you mean 'learning_rate'?|outside")]
    // a task and a demonstration set the study does not have
    [InlineData("""
            algorithms:
              - name: bc
                budget: 100
                configurations:
                  - hyperparameters: {}
                    tasks: [pendulun]
                    demonstrations: [human]
            """, "algorithms[0].configurations[0].tasks[0]|algorithms[0].configurations[0].demonstrations[0]", "not a task of this study (did you mean 'pendulum'?)|not a demonstration set of this study")]
    // the same values twice for an overlapping group
    [InlineData("""
            algorithms:
              - name: bc
                budget: 100
                configurations:
                  - hyperparameters: {learning_rate: 0.001}
                    tasks: [pendulum]
                  - hyperparameters: {learning_rate: 1.0e-3}
                    demonstrations: [synthetic]
            """, "algorithms[0].configurations[1]", "the same hyperparameters as algorithms[0].configurations[0] (line ")]
    // hyperparameters that are not a mapping
    [InlineData("""
            algorithms:
              - name: bc
                budget: 100
                configurations:
                  - hyperparameters: [0.001]
            """, "algorithms[0].configurations[0].hyperparameters", "expected a mapping of name: value")]
    public void Malformed_configurations_are_reported_with_line_and_key(string algorithms, string keys, string fragments)
    {
        var result = Load(Header + algorithms);

        Assert.False(result.IsValid);
        Assert.Equal(keys.Split('|'), result.Errors.Select(e => e.Key));
        foreach (var (error, fragment) in result.Errors.Zip(fragments.Split('|').Select(f => f)))
        {
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
            Assert.True(error.Line > Header.Split('\n').Length - 1, $"error line {error.Line} should point into the algorithms section");
        }
    }

    [Fact]
    public void The_same_values_may_repeat_for_disjoint_groups()
    {
        var result = Load(Header + """
            algorithms:
              - name: bc
                budget: 100
                configurations:
                  - hyperparameters: {learning_rate: 0.001}
                    tasks: [pendulum]
                  - hyperparameters: {learning_rate: 0.001}
                    tasks: [cartpole-swingup]
                    demonstrations: [noisy]
            """);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var plan = StudyPlanner.Plan(result.Study!);
        Assert.Single(plan.Configurations);
        Assert.Equal((2 + 1) * 2, plan.Runs.Count);
    }

    [Theory]
    [InlineData("first_seed: -1", "must be at least 0")]
    [InlineData("first_seed: 1.5", "expected an integer")]
    [InlineData("first_seed: two", "expected a number")]
    public void First_seed_must_be_a_non_negative_integer(string line, string fragment)
    {
        var result = Load(Header + line + "\nalgorithms:\n  - {name: bc, budget: 100}\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal("first_seed", error.Key);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }
}
