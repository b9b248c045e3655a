using HpProxy.Core.Studies;

namespace HpProxy.Core.Tests.Studies;

/// <summary>The study files shipped in <c>studies/</c> are valid and have the sizes their comments promise.</summary>
public class StudyFilesTests
{
    private static StudyPlan PlanOf(string fileName)
    {
        string path = Path.Combine(RepoPaths.Studies, fileName);
        // The real registries: a shipped study file must name what Core registers, not what a test fake knows.
        var result = StudyLoader.Load("studies/" + fileName, File.ReadAllText(path), new RegistryStudyCatalog());
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Warnings);
        return StudyPlanner.Plan(result.Study!);
    }

    [Fact]
    public void Every_study_file_is_valid()
    {
        var files = Directory.GetFiles(RepoPaths.Studies, "*.yaml");
        Assert.True(files.Length >= 3);
        foreach (var file in files)
        {
            var result = StudyLoader.Load(Path.GetFileName(file), File.ReadAllText(file), new RegistryStudyCatalog());
            Assert.True(result.IsValid, file + ": " + string.Join(Environment.NewLine, result.Errors));
        }
    }

    [Fact]
    public void Quickstart_has_bc_and_gail_on_two_tasks_with_at_least_120_runs()
    {
        var plan = PlanOf("quickstart.yaml");
        Assert.Equal("quickstart", plan.Study.Name);
        Assert.True(plan.Runs.Count >= 120, $"{plan.Runs.Count} runs");
        Assert.Equal(["bc", "gail"], plan.Runs.Select(r => r.Algorithm).Distinct());
        Assert.Equal(["pendulum", "cartpole-swingup"], plan.Runs.Select(r => r.Task).Distinct());
        foreach (var group in plan.Runs.GroupBy(r => (r.Task, r.Algorithm)))
            Assert.True(group.Select(r => r.ConfigId).Distinct().Count() >= 16, $"{group.Key}");
        Assert.All(plan.Runs, r => Assert.Equal(3, r.Spec.Checkpoints));
        Assert.All(plan.Runs, r => Assert.Equal(10, r.Spec.Evaluation.Episodes));
        Assert.Equal(["action_mse", "state_wasserstein"], plan.Runs[0].Spec.Proxies.Select(p => p.Name));
        Assert.Equal([0, 1], plan.Runs.Select(r => r.Seed).Distinct().Order());
    }

    [Fact]
    public void Classic_control_follows_the_paper_protocol_size()
    {
        var plan = PlanOf("classic-control.yaml");
        Assert.True(plan.Runs.Count >= 2000, $"{plan.Runs.Count} runs");
        Assert.Equal(["synthetic", "human-like"], plan.Runs.Select(r => r.Spec.Demonstrations.Regime).Distinct());
        foreach (var group in plan.Runs.GroupBy(r => (r.Task, r.Algorithm)))
            Assert.True(group.Select(r => r.ConfigId).Distinct().Count() >= 95, $"{group.Key}");
    }

    [Fact]
    public void Algorithms_check_runs_every_algorithm_at_its_defaults_with_three_seeds()
    {
        var plan = PlanOf("algorithms-check.yaml");
        Assert.Equal(new RegistryStudyCatalog().AlgorithmNames.Order(), plan.Runs.Select(r => r.Algorithm).Distinct().Order());
        // Defaults, except the online networks' width (for time: docs/decisions/0005-algorithms-check-width.md).
        Assert.All(plan.Configurations, c => Assert.True(c.Hyperparameters.Count == 0
            || (c.Hyperparameters.Count == 1 && c.Hyperparameters.GetInt("hidden_units", 0) == 128), c.ToString()));
        Assert.Equal(plan.Study.Tasks.Count * 8 * 3, plan.Runs.Count);
    }
}

/// <summary>studies/README.md documents every key the validator accepts.</summary>
public class StudyReadmeTests
{
    [Fact]
    public void Every_accepted_key_is_documented()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Studies, "README.md"));
        var keys = StudyValidator.TopKeys.Concat(StudyValidator.DemoKeys).Concat(StudyValidator.AlgorithmKeys).Concat(SpaceReader.Keys).Concat(StudyValidator.AnalysisKeys).Concat(StudyValidator.ConfigurationKeys)
            .Concat(["episodes", "train", "validation", "settings"]);
        var missing = keys.Where(k => !readme.Contains("`" + k + "`", StringComparison.Ordinal)
            && !readme.Contains("{" + k + ":", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "undocumented keys: " + string.Join(", ", missing));
    }
}

/// <summary>The shipped study files name only tasks, demonstrators, regimes, algorithms, hyperparameters and proxies
/// that Core actually registers.</summary>
public class StudyFilesAgainstRegistriesTests
{
    [Theory]
    [InlineData("quickstart.yaml")]
    [InlineData("algorithms-check.yaml")]
    [InlineData("classic-control.yaml")]
    public void Study_file_is_valid_against_the_real_registries(string fileName)
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Studies, fileName));
        var result = StudyLoader.Load("studies/" + fileName, text, new RegistryStudyCatalog());
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }
}
