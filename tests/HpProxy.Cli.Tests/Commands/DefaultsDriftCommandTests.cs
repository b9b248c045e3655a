using HpProxy.Cli.Tests.Support;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;
using HpProxy.Storage;
using HpProxy.TestSupport;

namespace HpProxy.Cli.Tests.Commands;

/// <summary><c>status</c>, <c>resume</c> and <c>report</c> warn when finished runs were trained with other defaults than this code
/// has (the runs keep their ids, so re-planning alone would call them done): FAIRL's gradient penalty, 0 before
/// decision 0010 and 10 now.</summary>
public sealed class DefaultsDriftCommandTests : IDisposable
{
    private const string Warning =
        "warning: 1 finished run was trained with other defaults than this code has: fairl gradient_penalty 0 → 10 (1 run).";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Results => Path.Combine(_dir.Path, "results");

    private static string Spec(int seed) => RunSpecJson.Serialize(new RunSpec(
        "pendulum", new DemoSpec("synthetic-5", "scripted", "synthetic", HyperparameterSet.Empty, 5, 2, 1), "fairl", "cfg",
        HyperparameterSet.Empty, seed, 1000, 2, new EvaluationSpec(2, 5), []));

    /// <summary>Two finished FAIRL runs: seed 0 recorded by a worker of the old preset, seed 1 by this code.</summary>
    private void StudyWithAnOldRun(bool oldRun = true)
    {
        using var store = StudyStoreFactory.Open(Results, "drift");
        store.Migrate();
        store.SaveStudy("drift", "hash", "name: drift\n", "test");
        store.AddRuns(new[] { 0, 1 }.Select(seed => new PlannedRun($"run{seed}", "pendulum", "synthetic-5", "fairl", "cfg", seed, Spec(seed))));
        foreach (int seed in new[] { 0, 1 })
        {
            var claim = store.TryClaim($"run{seed}", "w:1:a", TimeSpan.FromMinutes(1))!;
            double penalty = seed == 0 && oldRun ? 0 : 10;
            Assert.True(store.CompleteSucceeded(claim, [], 1, new RunProvenance("test", 1) { ResolvedHyperparameters = RecordedConfiguration.Of("fairl", HyperparameterSet.Empty, ("gradient_penalty", penalty)) }));
        }
    }

    [Fact]
    public void Status_names_the_changed_default_and_how_many_runs_it_concerns()
    {
        StudyWithAnOldRun();

        var r = CliRunner.Run(CliRunner.Services(), "status", "drift", "--results", Results);

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains(Warning, r.Out);
        Assert.Contains("new --results folder", r.Out);
    }

    [Fact]
    public void Resume_warns_before_it_runs_anything()
    {
        StudyWithAnOldRun();

        var r = CliRunner.Run(CliRunner.Services(), "resume", "drift", "--no-report", "--results", Results);

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains(Warning, r.Err);
    }

    [Fact]
    public void Report_warns_too()
    {
        StudyWithAnOldRun();

        var r = CliRunner.Run(CliRunner.Services(), "report", "drift", "--results", Results);

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains(Warning, r.Err);
    }

    [Fact]
    public void Runs_trained_with_this_codes_defaults_give_no_warning()
    {
        StudyWithAnOldRun(oldRun: false);

        var r = CliRunner.Run(CliRunner.Services(), "status", "drift", "--results", Results);

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.DoesNotContain("warning", r.Out + r.Err);
    }
}
