using HpProxy.Core.Common;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Tests.Studies;

public class StudyLoaderTests
{
    private const string Minimal = """
        seed: 3
        tasks: [pendulum, cartpole-swingup]
        demonstrations:
          - name: synthetic
            regime: synthetic
            episodes: {train: 10, validation: 5}
        checkpoints: 2
        seeds: 1
        proxies: [action_mse]
        algorithms:
          - {name: bc, budget: 100}
        """;

    [Fact]
    public void A_minimal_study_gets_documented_defaults()
    {
        var result = StudyLoader.Load("studies/My Study.yaml", Minimal, new FakeStudyCatalog());
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var study = result.Study!;
        Assert.Equal("my-study", study.Name); // from the file name, canonical
        Assert.Equal("", study.Description);
        Assert.Equal(10, study.EvaluationEpisodes);
        Assert.Equal(3UL, study.Seed);
        Assert.Equal(StableHash.Sha256Hex(Minimal), study.FileHash);
        Assert.Equal(Minimal, study.FileText);
        Assert.Equal("studies/My Study.yaml", study.File);
        var bc = Assert.Single(study.Algorithms);
        Assert.Equal((1, 100L), (bc.Samples, bc.Budget));
        Assert.Empty(bc.Space);
        var demo = Assert.Single(study.Demonstrations);
        Assert.Equal("energy-shaping", demo.DemonstratorByTask["pendulum"]);
        Assert.Equal("swing-up-lqr", demo.DemonstratorByTask["cartpole-swingup"]);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_name_that_is_not_canonical_is_used_in_canonical_form_with_a_warning()
    {
        var result = StudyLoader.Load("x.yaml", "name: Quick Start!\n" + Minimal, new FakeStudyCatalog());
        Assert.True(result.IsValid);
        Assert.Equal("quick-start", result.Study!.Name);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((1, 7, "name"), (warning.Line, warning.Column, warning.Key));
    }

    [Theory]
    [InlineData("Quick Start", "quick-start")]
    [InlineData("classic_control.v2", "classic_control.v2")]
    [InlineData("../../etc", "etc")]
    [InlineData("  MuJoCo / Locomotion  ", "mujoco-locomotion")]
    public void Canonical_names_are_safe_folder_names(string given, string canonical)
    {
        Assert.Equal(canonical, StudyValidator.CanonicalName(given));
    }

    [Fact]
    public void Demonstrators_can_be_one_name_or_a_map_per_task()
    {
        string text = Minimal.Replace("    regime: synthetic", "    demonstrator: {cartpole-swingup: scripted}\n    regime: synthetic", StringComparison.Ordinal);
        var demo = StudyLoader.Load("x.yaml", text, new FakeStudyCatalog()).GetStudyOrThrow().Demonstrations[0];
        Assert.Equal("energy-shaping", demo.DemonstratorByTask["pendulum"]);
        Assert.Equal("scripted", demo.DemonstratorByTask["cartpole-swingup"]);

        text = Minimal.Replace("    regime: synthetic", "    demonstrator: scripted\n    regime: synthetic", StringComparison.Ordinal);
        demo = StudyLoader.Load("x.yaml", text, new FakeStudyCatalog()).GetStudyOrThrow().Demonstrations[0];
        Assert.All(demo.DemonstratorByTask.Values, d => Assert.Equal("scripted", d));
    }

    [Fact]
    public void Scalar_values_keep_their_yaml_type()
    {
        string text = Minimal.Replace("  - {name: bc, budget: 100}", """
              - name: bc
                budget: 1_000
                samples: 1
                space:
                  hidden_units: "64"
                  batch_size: 256
                  learning_rate: 1.0e-4
                  activation: relu
                  hidden_dropout: {constant: 0.25}
            """, StringComparison.Ordinal);
        var catalog = new FakeStudyCatalog();
        var result = StudyLoader.Load("x.yaml", text, catalog);
        // "64" is quoted, hence text, and the fake bc rejects text for hidden_units.
        var error = Assert.Single(result.Errors);
        Assert.Equal("algorithms[0].space.hidden_units", error.Key);
        Assert.Contains("must be a number, got '64'", error.Message, StringComparison.Ordinal);

        var study = StudyLoader.Load("x.yaml", text.Replace("\"64\"", "64", StringComparison.Ordinal), catalog).GetStudyOrThrow();
        var space = study.Algorithms[0].Space;
        Assert.Equal(1000, study.Algorithms[0].Budget);
        Assert.Equal(new ConstantDistribution(HpValue.Of(64)), space["hidden_units"]);
        Assert.Equal(new ConstantDistribution(HpValue.Of(1e-4)), space["learning_rate"]);
        Assert.Equal(new ConstantDistribution(HpValue.Of("relu")), space["activation"]);
        Assert.Equal(new ConstantDistribution(HpValue.Of(0.25)), space["hidden_dropout"]);
    }

    [Fact]
    public void Every_bound_and_choice_is_probed_with_the_catalog()
    {
        string text = Minimal.Replace("  - {name: bc, budget: 100}", """
              - name: bc
                budget: 100
                samples: 2
                space:
                  learning_rate: {log_uniform: [1.0e-4, 1.0e-2]}
                  activation: {choice: [relu, tanh, elu]}
                  hidden_layers: {int: [1, 3]}
            """, StringComparison.Ordinal);
        var catalog = new FakeStudyCatalog();
        Assert.True(StudyLoader.Load("x.yaml", text, catalog).IsValid);
        var probed = catalog.HyperparameterCalls.Select(c => Assert.Single(c.Set)).Select(kv => kv.Key + "=" + kv.Value).Order();
        Assert.Equal(["activation=elu", "activation=relu", "activation=tanh", "hidden_layers=1", "hidden_layers=3",
            "learning_rate=0.0001", "learning_rate=0.01"], probed);
    }

    [Fact]
    public void Errors_print_as_file_line_column_key_message()
    {
        var error = new StudyError("studies/bad.yaml", 12, 5, "algorithms[0].space.learnig_rate",
            "unknown hyperparameter 'learnig_rate' for bc (did you mean 'learning_rate'?)");
        Assert.Equal("studies/bad.yaml:12:5: algorithms[0].space.learnig_rate: unknown hyperparameter 'learnig_rate' for bc (did you mean 'learning_rate'?)",
            error.ToString());
        Assert.Equal("studies/bad.yaml:1:1: the study file is empty", new StudyError("studies/bad.yaml", 1, 1, "", "the study file is empty").ToString());
    }

    [Fact]
    public void Get_study_or_throw_lists_every_error()
    {
        var result = StudyLoader.Load("bad.yaml", "seed: x\nseeds: 0\n", new FakeStudyCatalog());
        var e = Assert.Throws<InvalidOperationException>(() => result.GetStudyOrThrow());
        foreach (var error in result.Errors) Assert.Contains(error.ToString(), e.Message, StringComparison.Ordinal);
        Assert.True(result.Errors.Count >= 6); // seed, seeds, and the missing tasks/demonstrations/checkpoints/proxies/algorithms
    }

    [Theory]
    [InlineData("learnig_rate", "learning_rate")]
    [InlineData("cartpole_swingup", "cartpole-swingup")]
    [InlineData("Pendulum", "pendulum")]
    [InlineData("xyz", null)]
    public void Suggestions_find_close_names_only(string typo, string? expected)
    {
        Assert.Equal(expected, NameSuggestions.Closest(typo, ["learning_rate", "cartpole-swingup", "pendulum", "batch_size"]));
    }
}

public class StudyAnalysisSectionTests
{
    private const string Study = """
        seed: 11
        tasks: [pendulum]
        demonstrations:
          - {name: synthetic, regime: synthetic, episodes: {train: 2, validation: 1}}
        checkpoints: 2
        seeds: 1
        proxies: [action_mse]
        algorithms:
          - name: bc
            budget: 100
            samples: 2
            space: &shared
              learning_rate: {log_uniform: [1.0e-4, 1.0e-2]}
          - name: gail
            budget: 100
            samples: 2
            space: *shared
        """;

    [Fact]
    public void Analysis_defaults_to_the_paper_settings_with_the_study_seed()
    {
        var study = StudyLoader.Load("x.yaml", Study, new FakeStudyCatalog()).GetStudyOrThrow();
        Assert.Equal(25, study.Analysis.Budget);
        Assert.Equal(1000, study.Analysis.Resamples);
        Assert.Equal(11UL, study.Analysis.Seed);
    }

    [Fact]
    public void Analysis_settings_are_read()
    {
        string text = Study + """

            analysis:
              budget: 10
              budget_curve: [1, 5, all]
              resamples: 200
              interval: [0.1, 0.9]
              seed: 5
              oracle: return
            """;
        var a = StudyLoader.Load("x.yaml", text, new FakeStudyCatalog()).GetStudyOrThrow().Analysis;
        Assert.Equal((10, 200, 0.1, 0.9, 5UL, HpProxy.Core.Analysis.OracleMetric.Return), (a.Budget, a.Resamples, a.LowerQuantile, a.UpperQuantile, a.Seed, a.Oracle));
        Assert.Equal([1, 5, int.MaxValue], a.BudgetCurve);
    }

    [Fact]
    public void Analysis_errors_are_located()
    {
        string text = Study + """

            analysis:
              budget_curve: [1, many]
              interval: [0.9, 0.1]
              oracle: retrun
            """;
        var errors = StudyLoader.Load("x.yaml", text, new FakeStudyCatalog()).Errors;
        Assert.Equal(["analysis.budget_curve", "analysis.oracle"], errors.Select(e => e.Key));
        Assert.Contains("did you mean 'return'", errors[1].Message, StringComparison.Ordinal);

        errors = StudyLoader.Load("x.yaml", Study + "\nanalysis: {interval: [0.9, 0.1]}\n", new FakeStudyCatalog()).Errors;
        var error = Assert.Single(errors);
        Assert.Equal("analysis", error.Key);
        Assert.Contains("quantiles", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_anchors_share_a_space_between_algorithms()
    {
        var study = StudyLoader.Load("x.yaml", Study, new FakeStudyCatalog()).GetStudyOrThrow();
        Assert.Equal(study.Algorithms[0].Space.ToString(), study.Algorithms[1].Space.ToString());
        Assert.Single(study.Algorithms[1].Space);
    }
}
