using HpProxy.Core.Studies;

namespace HpProxy.Core.Tests.Studies;

public class StudyPlannerTests
{
    private const string Bc = """
          - name: bc
            budget: 2000
            samples: 4
            space:
              learning_rate: {log_uniform: [1.0e-4, 1.0e-2]}
              hidden_units: {choice: [64, 128]}
        """;

    private const string Gail = """
          - name: gail
            budget: 15000
            samples: 3
            space:
              learning_rate: {log_uniform: [1.0e-4, 1.0e-3]}
              reward_transform: {choice: [gail, airl]}
        """;

    private static string Study(string algorithms, string tasks = "[pendulum, cartpole-swingup]", int seeds = 2, int seed = 1,
        string proxies = "[action_mse, state_wasserstein]", string demonstrations = "") => $"""
        name: planner-test
        seed: {seed}
        tasks: {tasks}
        demonstrations:
          - {"{"}name: synthetic, regime: synthetic, parameters: {"{"}noise: 0.1{"}"}, episodes: {"{"}train: 10, validation: 5{"}"}{"}"}
        {demonstrations}
        checkpoints: 3
        seeds: {seeds}
        proxies: {proxies}
        algorithms:
        {algorithms}
        """;

    private static StudyPlan Plan(string text)
    {
        var result = StudyLoader.Load("test.yaml", text, new FakeStudyCatalog());
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return StudyPlanner.Plan(result.Study!);
    }

    private static HashSet<string> Ids(StudyPlan plan) => [.. plan.Runs.Select(r => r.RunId)];

    [Fact]
    public void A_trained_demonstrators_version_is_in_the_spec_and_changes_only_its_tasks_ids()
    {
        // pendulum's default demonstrator (energy-shaping) stands in for a trained expert; cart-pole's stays scripted.
        string text = Study(Bc);
        var scripted = Plan(text);
        StudyPlan Versioned(string version)
        {
            var catalog = new FakeStudyCatalog();
            catalog.Versions[("pendulum", "energy-shaping")] = version;
            var result = StudyLoader.Load("test.yaml", text, catalog);
            Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
            return StudyPlanner.Plan(result.Study!);
        }
        var v1 = Versioned("0123456789abcdef");
        var v2 = Versioned("fedcba9876543210");

        Assert.All(v1.Runs.Where(r => r.Spec.Task == "pendulum"), r => Assert.Equal("0123456789abcdef", r.Spec.Demonstrations.DemonstratorVersion));
        Assert.All(v1.Runs.Where(r => r.Spec.Task != "pendulum"), r => Assert.Null(r.Spec.Demonstrations.DemonstratorVersion));
        var pendulum = (StudyPlan p) => p.Runs.Where(r => r.Spec.Task == "pendulum").Select(r => r.RunId).ToHashSet();
        var others = (StudyPlan p) => p.Runs.Where(r => r.Spec.Task != "pendulum").Select(r => r.RunId).ToHashSet();
        // A retrained expert gives its task's runs new ids (no mixing of demonstrations under one id)...
        Assert.Empty(pendulum(v1).Intersect(pendulum(v2)));
        Assert.Empty(pendulum(scripted).Intersect(pendulum(v1)));
        // ...and leaves every other run, and every scripted-only plan, as it was.
        Assert.Equal(others(scripted), others(v1));
        Assert.Equal(others(v1), others(v2));
        // The version survives the stored JSON.
        var spec = v1.Runs.First(r => r.Spec.Task == "pendulum").Spec;
        Assert.Equal("0123456789abcdef", RunSpecJson.Deserialize(RunSpecJson.Serialize(spec)).Demonstrations.DemonstratorVersion);
        Assert.DoesNotContain("demonstrator_version", RunSpecJson.Serialize(scripted.Runs[0].Spec), StringComparison.Ordinal);
    }

    [Fact]
    public void Plans_every_task_demo_algorithm_configuration_and_seed_once()
    {
        var plan = Plan(Study(Bc + "\n" + Gail));
        Assert.Equal(2 * 1 * (4 + 3) * 2, plan.Runs.Count);
        Assert.Equal(plan.Runs.Count, Ids(plan).Count);
        Assert.All(plan.Runs, r => Assert.Equal(RunSpecJson.RunId(r.Spec), r.RunId));
        Assert.All(plan.Runs, r => Assert.Equal(RunSpecJson.Serialize(r.Spec), r.SpecJson));
        Assert.All(plan.Runs, r => Assert.Matches("^[0-9a-f]{16}$", r.RunId));
    }

    [Fact]
    public void Order_is_task_then_demonstrations_then_algorithm_then_configuration_then_seed()
    {
        var plan = Plan(Study(Bc + "\n" + Gail));
        var keys = plan.Runs.Select(r => (Task: r.Task == "pendulum" ? 0 : 1, Algorithm: r.Algorithm == "bc" ? 0 : 1, r.ConfigurationIndex, r.Seed)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Task).ThenBy(k => k.Algorithm).ThenBy(k => k.ConfigurationIndex).ThenBy(k => k.Seed), keys);
        Assert.Equal("pendulum", plan.Runs[0].Task);
        Assert.Equal("bc", plan.Runs[0].Algorithm);
        Assert.Equal((0, 0), (plan.Runs[0].ConfigurationIndex, plan.Runs[0].Seed));
        Assert.Equal((0, 1), (plan.Runs[1].ConfigurationIndex, plan.Runs[1].Seed));
    }

    [Fact]
    public void Same_file_gives_the_same_ids()
    {
        Assert.Equal(Plan(Study(Bc)).Runs.Select(r => r.RunId), Plan(Study(Bc)).Runs.Select(r => r.RunId));
    }

    [Fact]
    public void Adding_an_algorithm_keeps_every_old_id()
    {
        var before = Ids(Plan(Study(Bc)));
        var after = Ids(Plan(Study(Gail + "\n" + Bc)));
        Assert.Superset(before, after);
        Assert.Equal(before.Count + 2 * 3 * 2, after.Count);
    }

    [Fact]
    public void Growing_samples_seeds_tasks_or_demonstration_sets_keeps_every_old_id()
    {
        var before = Ids(Plan(Study(Bc)));
        Assert.Superset(before, Ids(Plan(Study(Bc.Replace("samples: 4", "samples: 9", StringComparison.Ordinal)))));
        Assert.Superset(before, Ids(Plan(Study(Bc, seeds: 5))));
        Assert.Superset(before, Ids(Plan(Study(Bc, tasks: "[pendulum, cartpole-swingup, mountaincar]"))));
        Assert.Superset(before, Ids(Plan(Study(Bc,
            demonstrations: "  - {name: human, regime: human-like, episodes: {train: 10, validation: 5}}"))));
    }

    [Fact]
    public void Changing_a_budget_changes_that_algorithms_ids_only()
    {
        var before = Plan(Study(Bc + "\n" + Gail));
        var after = Plan(Study(Bc + "\n" + Gail.Replace("budget: 15000", "budget: 20000", StringComparison.Ordinal)));
        var bcBefore = before.Runs.Where(r => r.Algorithm == "bc").Select(r => r.RunId);
        var bcAfter = after.Runs.Where(r => r.Algorithm == "bc").Select(r => r.RunId);
        Assert.Equal(bcBefore, bcAfter);
        var gailBefore = before.Runs.Where(r => r.Algorithm == "gail").Select(r => r.RunId).ToHashSet();
        Assert.All(after.Runs.Where(r => r.Algorithm == "gail"), r => Assert.DoesNotContain(r.RunId, gailBefore));
    }

    [Fact]
    public void Changing_the_study_seed_changes_every_id_and_configuration()
    {
        var a = Plan(Study(Bc, seed: 1));
        var b = Plan(Study(Bc, seed: 2));
        Assert.Empty(Ids(a).Intersect(Ids(b)));
        Assert.Empty(a.Configurations.Select(c => c.Id).Intersect(b.Configurations.Select(c => c.Id)));
    }

    [Fact]
    public void Reordering_proxies_does_not_change_ids()
    {
        Assert.Equal(Ids(Plan(Study(Bc))), Ids(Plan(Study(Bc, proxies: "[state_wasserstein, action_mse]"))));
        Assert.Equal(["action_mse", "state_wasserstein"], Plan(Study(Bc, proxies: "[state_wasserstein, action_mse]")).Runs[0].Spec.Proxies.Select(p => p.Name));
    }

    [Fact]
    public void Configurations_are_shared_across_tasks()
    {
        var plan = Plan(Study(Bc));
        var pendulum = plan.Runs.Where(r => r.Task == "pendulum").Select(r => r.ConfigId).Distinct();
        var cartpole = plan.Runs.Where(r => r.Task == "cartpole-swingup").Select(r => r.ConfigId).Distinct();
        Assert.Equal(pendulum, cartpole);
        Assert.Equal(4, plan.Configurations.Count);
    }

    [Fact]
    public void Demonstration_seeds_depend_on_task_and_set_and_evaluation_seeds_are_shared()
    {
        var plan = Plan(Study(Bc + "\n" + Gail, demonstrations: "  - {name: human, regime: human-like, episodes: {train: 10, validation: 5}}"));
        Assert.Equal(4, plan.Demonstrations.Count);
        Assert.Equal(4, plan.Demonstrations.Select(d => d.Spec.Seed).Distinct().Count());
        foreach (var group in plan.Runs.GroupBy(r => (r.Task, r.Demonstrations)))
            Assert.Single(group.Select(r => r.Spec.Demonstrations).Distinct());
        Assert.Single(plan.Runs.Select(r => r.Spec.Evaluation).Distinct());
        Assert.Equal("energy-shaping", plan.Demonstrations.First(d => d.Task == "pendulum").Spec.Demonstrator);
        Assert.Equal("swing-up-lqr", plan.Demonstrations.First(d => d.Task == "cartpole-swingup").Spec.Demonstrator);
    }

    [Fact]
    public void Repeated_configurations_of_a_discrete_space_run_once_and_are_warned_about()
    {
        string algorithms = """
              - name: bc
                budget: 100
                samples: 12
                space:
                  hidden_units: {choice: [64, 128]}
            """;
        var result = StudyLoader.Load("test.yaml", Study(algorithms), new FakeStudyCatalog());
        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("algorithms[0].samples", warning.Key);
        var plan = StudyPlanner.Plan(result.Study!);
        Assert.Equal(2, plan.Configurations.Count);
        Assert.Equal(2 * 2 * 2, plan.Runs.Count);
    }
}
