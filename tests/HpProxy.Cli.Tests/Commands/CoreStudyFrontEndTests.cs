using HpProxy.Cli.Tests.Support;
using HpProxy.Cli.Wiring;
using HpProxy.Core.Runs;

namespace HpProxy.Cli.Tests.Commands;

/// <summary>The product's study front-end (real loader and planner, fake catalog) and how <c>run</c> reports it.</summary>
public sealed class CoreStudyFrontEndTests : IDisposable
{
    private const string Valid = """
        name: tiny
        seed: 3
        tasks: [pendulum, cartpole]
        demonstrations:
          - name: synthetic
            regime: synthetic
            episodes: {train: 2, validation: 1}
        checkpoints: 2
        seeds: 2
        proxies: [action_mse]
        algorithms:
          - name: bc
            budget: 100
            samples: 3
            space:
              learning_rate: {log_uniform: [1.0e-4, 1.0e-2]}
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CoreStudyFrontEnd FrontEnd() =>
        new(() => new FakeStudyCatalog(), () => throw new InvalidOperationException("no run services in this test"));

    [Fact]
    public void A_valid_study_is_planned_into_runs_with_stable_ids_and_one_reference_per_task_and_set()
    {
        string file = _dir.File("tiny.yaml", Valid);

        var first = FrontEnd().Load(file);
        var again = FrontEnd().Load(file);

        Assert.Empty(first.Errors);
        var study = first.Study!;
        Assert.Equal("tiny", study.Name);
        Assert.Equal(2 * 1 * 3 * 2, study.Runs.Count); // tasks x sets x configurations x seeds
        Assert.Equal(study.Runs.Select(r => r.RunId), again.Study!.Runs.Select(r => r.RunId));
        Assert.Equal(study.Runs.Count, study.Runs.Select(r => r.RunId).Distinct().Count());
        Assert.Equal(["cartpole/synthetic", "pendulum/synthetic"], study.References.Select(r => $"{r.Task}/{r.Demonstrations}").Order());
        Assert.All(study.Runs, r => Assert.Contains("\"budget\"", r.SpecJson, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Run_prints_every_problem_of_a_malformed_study_as_file_line_column_key_message_and_exits_2()
    {
        string file = _dir.File("bad.yaml", Valid.Replace("tasks: [pendulum, cartpole]", "tasks: [pendulum, cartpol]")
            .Replace("checkpoints: 2", "checkpoints: lots"));
        string results = Path.Combine(_dir.Path, "results");
        var services = CliRunner.Services() with { Studies = FrontEnd() };

        var r = CliRunner.Run(services, "run", file, "--results", results);

        Assert.Equal(2, r.ExitCode);
        string[] lines = r.Err.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith($"{file}:3:19: tasks[1]: unknown task 'cartpol'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{file}:8:14: checkpoints: ", StringComparison.Ordinal));
        Assert.Contains("2 error(s)", lines[^1]);
        Assert.DoesNotContain("   at ", r.Err);
        Assert.False(Directory.Exists(results));
    }

    [Fact]
    public void A_yaml_syntax_error_is_located_too()
    {
        string file = _dir.File("broken.yaml", "name: x\ntasks: [pendulum\nseed: 1\n");

        var load = FrontEnd().Load(file);

        Assert.Null(load.Study);
        var e = Assert.Single(load.Errors);
        Assert.Equal(file, e.File);
        Assert.True(e.Line >= 1);
        Assert.Contains("YAML", e.Message);
    }

    [Fact]
    public void Run_exits_2_on_a_yaml_syntax_error()
    {
        string file = _dir.File("broken.yaml", "name: x\nseed: [1\n");
        var services = CliRunner.Services() with { Studies = FrontEnd() };

        var r = CliRunner.Run(services, "run", file, "--results", Path.Combine(_dir.Path, "results"));

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith(file + ":", r.Err);
    }

    [Fact]
    public void Export_writes_runs_with_hyperparameter_columns_and_checkpoints_with_proxy_columns()
    {
        string file = _dir.File("tiny.yaml", Valid);
        string results = Path.Combine(_dir.Path, "results"), csv = Path.Combine(_dir.Path, "csv");
        var planned = FrontEnd().Load(file).Study!;
        planned = planned with { References = [.. planned.References.Select(r => r with { Compute = () => new(-100, 0) })] };
        var services = CliRunner.Services(new FakeFrontEnd(StudyLoad.Planned(planned)));
        Assert.Equal(0, CliRunner.Run(services, "run", file, "--workers", "2", "--no-report", "--results", results).ExitCode);

        var r = CliRunner.Run(services, "export", "tiny", "--csv", csv, "--results", results);

        Assert.True(r.ExitCode == 0, r.Err);
        string[] runs = File.ReadAllText(Path.Combine(csv, "runs.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("run_id,task,demonstrations,algorithm,config_id,seed,state,error,wall_seconds,cpu_seconds,code_version,resolved_hyperparameters,learning_rate", runs[0]);
        Assert.Equal(1 + 12, runs.Length);
        Assert.All(runs.Skip(1), line => Assert.Contains(",bc,", line));
        Assert.All(runs.Skip(1), line => Assert.Contains(",succeeded,", line));
        string[] checkpoints = File.ReadAllText(Path.Combine(csv, "checkpoints.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("run_id,task,demonstrations,algorithm,config_id,seed,step,oracle_return,normalized_score,action_mse", checkpoints[0]);
        Assert.Equal(1 + 12 * 2, checkpoints.Length);
    }

    [Fact]
    public void Reference_returns_are_measured_only_when_asked()
    {
        string file = _dir.File("tiny.yaml", Valid);
        var study = FrontEnd().Load(file).Study!;

        // The fake run services throw: planning must not have touched them.
        Assert.Throws<InvalidOperationException>(() => study.References[0].Compute());
        Assert.NotNull(typeof(ReferenceMeter));
    }
}
