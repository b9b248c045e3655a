using HpProxy.Core.Analysis;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Tests.Studies;

/// <summary>The follow-up study file: the original with the picks as fixed configurations and fresh seeds.</summary>
public class FollowUpStudyTests
{
    private const string Original = """
        # a comment the follow-up does not keep
        name: orig
        seed: 7
        tasks: [pendulum, cartpole-swingup]
        demonstrations:
          - {name: synthetic, regime: synthetic, parameters: {noise: 0.1}, episodes: {train: 10, validation: 5}}
        checkpoints: 2
        seeds: 2
        proxies: [action_mse, {name: state_wasserstein, settings: {epsilon: 0.01}}]
        algorithms:
          - name: bc
            budget: 100
            samples: 6
            space:
              learning_rate: {log_uniform: [1.0e-6, 1.0e-2]}
              activation: {choice: [relu, tanh]}
              hidden_units: {choice: [64, 128]}
          - name: gail
            budget: 200
            samples: 2
            space: {learning_rate: {log_uniform: [1.0e-4, 1.0e-3]}}
        analysis: {budget: 5}
        """;

    [Fact]
    public void The_follow_up_re_runs_the_picks_with_their_ids_on_fresh_seeds_and_keeps_everything_else()
    {
        var original = StudyLoader.Load("studies/orig.yaml", Original, new FakeStudyCatalog()).GetStudyOrThrow();
        var plan = StudyPlanner.Plan(original);
        var bc = plan.Configurations.Where(c => c.Algorithm == "bc").ToList();
        FollowUpPick Pick(string task, string selector, int config) => new(task, "synthetic", "bc", selector, bc[config].Id, 0.5, 2, 6);
        // Config 1 is picked on both tasks (one entry for both); config 3 on pendulum only; gail has no pick.
        FollowUpPick[] picks = [Pick("cartpole-swingup", "action_mse", 1), Pick("cartpole-swingup", "oracle", 1), Pick("pendulum", "action_mse", 3), Pick("pendulum", "oracle", 1)];
        var values = bc.ToDictionary(c => ("bc", c.Id), c => c.Hyperparameters);

        var configurations = FollowUpStudy.Configurations(picks, values);
        string text = FollowUpStudy.Write(Original, new FollowUpStudyRequest("orig-followup", "orig", 3, 2, configurations));
        var loaded = StudyLoader.Load("studies/orig-followup.yaml", text, new FakeStudyCatalog());

        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, loaded.Errors) + Environment.NewLine + text);
        var followUp = loaded.Study!;
        Assert.Equal(("orig-followup", 7UL, 3, 2), (followUp.Name, followUp.Seed, followUp.Seeds, followUp.FirstSeed));
        Assert.Equal(original.Tasks, followUp.Tasks);
        Assert.Equal(original.Demonstrations.Select(d => (d.Name, d.Regime, d.Parameters)), followUp.Demonstrations.Select(d => (d.Name, d.Regime, d.Parameters)));
        Assert.Equal(original.Proxies, followUp.Proxies);
        Assert.Equal(5, followUp.Analysis.Budget);
        var algorithm = Assert.Single(followUp.Algorithms);
        Assert.Equal(("bc", 100L), (algorithm.Name, algorithm.Budget));
        Assert.Equal([["cartpole-swingup", "pendulum"], ["pendulum"]], algorithm.Configurations!.Select(c => c.Tasks!.ToArray()));

        var followUpPlan = StudyPlanner.Plan(followUp);
        Assert.Equal([bc[1].Id, bc[3].Id], followUpPlan.Configurations.Select(c => c.Id));
        Assert.Equal([bc[1].Hyperparameters, bc[3].Hyperparameters], followUpPlan.Configurations.Select(c => c.Hyperparameters));
        Assert.Equal((2 + 1) * 3, followUpPlan.Runs.Count);
        Assert.All(followUpPlan.Runs, r => Assert.InRange(r.Seed, 2, 4));
        // Same demonstrations, evaluation episodes and run specs as the original, up to the seed index.
        var originalSpec = plan.Runs.First(r => r.ConfigId == bc[3].Id && r.Task == "pendulum").Spec;
        var followUpSpec = followUpPlan.Runs.First(r => r.ConfigId == bc[3].Id).Spec;
        Assert.Equal(originalSpec with { Seed = followUpSpec.Seed, Proxies = followUpSpec.Proxies }, followUpSpec);
        Assert.Equal(originalSpec.Proxies, followUpSpec.Proxies);
        Assert.StartsWith("# Winner's-curse follow-up of study 'orig'", text, StringComparison.Ordinal);
        Assert.Contains($"#   bc {bc[1].Id} (synthetic): cartpole-swingup: action_mse, oracle; pendulum: oracle", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_values_stay_text_and_small_numbers_round_trip()
    {
        var set = new HyperparameterSet([KeyValuePair.Create("activation", HpValue.Of("tanh")), KeyValuePair.Create("learning_rate", HpValue.Of(1.2345678901234567e-6)),
            KeyValuePair.Create("hidden_units", HpValue.Of(128))]);
        string id = ConfigurationSampler.ConfigurationId("bc", set);
        var configurations = FollowUpStudy.Configurations([new FollowUpPick("pendulum", "synthetic", "bc", "oracle", id, 1, 1, 1)],
            new Dictionary<(string, string), HyperparameterSet> { [("bc", id)] = set });
        string text = FollowUpStudy.Write(Original, new FollowUpStudyRequest("f", "orig", 1, 2, configurations));

        var plan = StudyPlanner.Plan(StudyLoader.Load("f.yaml", text, new FakeStudyCatalog()).GetStudyOrThrow());
        Assert.Equal(set, Assert.Single(plan.Configurations).Hyperparameters);
        Assert.Equal(id, plan.Configurations[0].Id);
    }

    [Fact]
    public void Anchors_and_aliases_of_the_original_survive()
    {
        string original = Original.Replace("  - {name: synthetic, regime: synthetic, parameters: {noise: 0.1}, episodes: {train: 10, validation: 5}}",
            "  - {name: synthetic, regime: synthetic, parameters: &p {noise: 0.1}, episodes: &e {train: 10, validation: 5}}\n" +
            "  - {name: noisy, regime: synthetic, parameters: *p, episodes: *e}", StringComparison.Ordinal);
        var plan = StudyPlanner.Plan(StudyLoader.Load("o.yaml", original, new FakeStudyCatalog()).GetStudyOrThrow());
        var c = plan.Configurations[0];
        var configurations = FollowUpStudy.Configurations([new FollowUpPick("pendulum", "noisy", "bc", "oracle", c.Id, 1, 2, 6)],
            new Dictionary<(string, string), HyperparameterSet> { [("bc", c.Id)] = c.Hyperparameters });

        string text = FollowUpStudy.Write(original, new FollowUpStudyRequest("f", "orig", 1, 2, configurations));

        var followUp = StudyLoader.Load("f.yaml", text, new FakeStudyCatalog()).GetStudyOrThrow();
        Assert.Equal(["synthetic", "noisy"], followUp.Demonstrations.Select(d => d.Name));
        Assert.All(followUp.Demonstrations, d => Assert.Equal((0.1, 10, 5), (d.Parameters["noise"].Number!.Value, d.TrainEpisodes, d.ValidationEpisodes)));
        var run = Assert.Single(StudyPlanner.Plan(followUp).Runs);
        Assert.Equal(("pendulum", "noisy", c.Id, 2), (run.Task, run.Demonstrations, run.ConfigId, run.Seed));
    }

    [Fact]
    public void Nothing_to_re_run_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => FollowUpStudy.Write(Original, new FollowUpStudyRequest("f", "orig", 1, 2, [])));
    }
}
