using HpProxy.Core.Runs;
using HpProxy.Core.Studies;
using HpProxy.Scheduling.Catalog;

namespace HpProxy.Scheduling.Tests.Catalog;

/// <summary>The real registries together: the shipped study files validate, and a real run executes end to end.</summary>
public class ProductCatalogTests
{
    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HpProxy.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, relative);
    }

    private static StudyDefinition Load(string relative)
    {
        string path = RepoFile(relative);
        var result = StudyLoader.Load(path, File.ReadAllText(path), ProductCatalog.Default);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Study!;
    }

    [Theory]
    [InlineData("studies/quickstart.yaml")]
    [InlineData("studies/classic-control.yaml")]
    [InlineData("studies/algorithms-check.yaml")]
    public void Shipped_study_files_validate_against_the_real_catalog(string file) => Load(file);

    [Fact]
    public void Quickstart_plans_at_least_120_runs_with_unique_ids()
    {
        var plan = StudyPlanner.Plan(Load("studies/quickstart.yaml"));
        Assert.True(plan.Runs.Count >= 120, $"{plan.Runs.Count} runs");
        Assert.Equal(plan.Runs.Count, plan.Runs.Select(r => r.RunId).Distinct().Count());
    }

    [Theory]
    [InlineData("bc", 200)]
    [InlineData("gail", 600)]
    public void A_real_quickstart_run_executes_with_finite_proxies(string algorithm, long budget)
    {
        var plan = StudyPlanner.Plan(Load("studies/quickstart.yaml"));
        var spec = plan.Runs.First(r => r.Spec.Algorithm == algorithm && r.Spec.Task == "pendulum").Spec with { Budget = budget };
        var catalog = ProductCatalog.Default;
        var references = ReferenceMeter.Measure(catalog.Services, spec.Task, spec.Demonstrations);
        Assert.True(references.Expert > references.Random, $"{references}");

        var outcome = new RunExecutor(catalog.Services).Execute(spec, references, null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        Assert.Equal(spec.Checkpoints, outcome.Checkpoints.Count);
        foreach (var c in outcome.Checkpoints)
        {
            Assert.True(double.IsFinite(c.OracleReturn));
            Assert.All(spec.Proxies, p => Assert.True(double.IsFinite(c.Proxies[p.Name]), $"{p.Name} = {c.Proxies[p.Name]}"));
        }
    }
}
