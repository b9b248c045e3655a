using System.Text.Json;
using HpProxy.Cli.Tests.Support;

namespace HpProxy.Cli.Tests.EndToEnd;

/// <summary>
/// A tiny real study through the real command line: the study file is validated and planned, two worker processes
/// train BC agents on pendulum, and the report and the CSV export come out of the stored rows.
/// </summary>
public sealed class StudyEndToEndTests : IDisposable
{
    private const string Tiny = """
        name: tiny-e2e
        seed: 7
        tasks: [pendulum]
        demonstrations:
          - name: synthetic
            regime: synthetic
            parameters: {noise: 0.1}
            episodes: {train: 3, validation: 2}
        evaluation: {episodes: 2}
        checkpoints: 2
        seeds: 1
        proxies: [action_mse, state_wasserstein]
        algorithms:
          - name: bc
            budget: 100
            samples: 4
            space:
              learning_rate: {log_uniform: [1.0e-4, 3.0e-3]}
              hidden_units: {choice: [32, 64]}
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(6);
    private static readonly Dictionary<string, string> NoEnv = [];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Results => Path.Combine(_dir.Path, "results");

    [Fact]
    public void A_tiny_study_runs_with_two_workers_and_yields_status_report_and_export()
    {
        string file = _dir.File("tiny.yaml", Tiny);

        var run = CliProcess.Run(NoEnv, Patience, "run", file, "--workers", "2", "--results", Results);

        Assert.True(run.Code == 0, $"exit {run.Code}\n{run.Out}\n{run.Err}");
        Assert.Contains("study tiny-e2e: 4 runs planned, 4 new", run.Out);
        Assert.Contains("4 succeeded, 0 failed, 0 cancelled of 4 runs", run.Out);
        string report = Path.Combine(Results, "tiny-e2e", "report");
        Assert.True(File.Exists(Path.Combine(report, "index.html")));
        Assert.True(File.Exists(Path.Combine(report, "report.md")));

        var status = CliProcess.Run(NoEnv, Patience, "status", "tiny-e2e", "--json", "--results", Results);
        var json = JsonDocument.Parse(status.Out).RootElement;
        Assert.Equal(4, json.GetProperty("total").GetInt32());
        Assert.Equal(4, json.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, json.GetProperty("pending").GetInt32());
        Assert.Equal(0, json.GetProperty("running").GetInt32());
        Assert.Equal(0, json.GetProperty("failed").GetInt32());

        string csv = Path.Combine(_dir.Path, "csv");
        var export = CliProcess.Run(NoEnv, Patience, "export", "tiny-e2e", "--csv", csv, "--results", Results);
        Assert.True(export.Code == 0, export.Err);
        string[] runs = File.ReadAllLines(Path.Combine(csv, "runs.csv"));
        Assert.StartsWith("run_id,task,demonstrations,algorithm,config_id,seed,state,error,wall_seconds,", runs[0]);
        Assert.Contains("hidden_units", runs[0]);
        Assert.Contains("learning_rate", runs[0]);
        Assert.Equal(5, runs.Length);
        string[] checkpoints = File.ReadAllLines(Path.Combine(csv, "checkpoints.csv"));
        Assert.Equal("run_id,task,demonstrations,algorithm,config_id,seed,step,oracle_return,normalized_score,action_mse,state_wasserstein", checkpoints[0]);
        Assert.Equal(1 + 4 * 2, checkpoints.Length);
    }

    [Fact]
    public void A_malformed_study_exits_2_with_every_error_located_and_writes_nothing()
    {
        string file = _dir.File("bad.yaml", Tiny.Replace("tasks: [pendulum]", "tasks: [pendullum]").Replace("budget: 100", "budget: -5"));

        var r = CliProcess.Run(NoEnv, Patience, "run", file, "--results", Results);

        Assert.Equal(2, r.Code);
        string[] lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith($"{file}:3:9: tasks[0]: unknown task 'pendullum'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{file}:15:13: algorithms[0].budget: must be at least 1", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", r.Err);
        Assert.False(Directory.Exists(Results));
    }
}
