using System.Text.Json;
using System.Text.RegularExpressions;
using HpProxy.Cli.Tests.Support;
using HpProxy.Cli.Wiring;
using HpProxy.Core.Runs;
using HpProxy.Core.Studies;
using HpProxy.Storage;

namespace HpProxy.Cli.Tests.Commands;

/// <summary>
/// <c>hpproxy analyze</c> on a small stored study (SQLite, synthetic rows): four BC configurations whose true score is
/// known; state_wasserstein = 1 − score (a perfect proxy), action_mse a badly ordered one (ρ = −0.8, τ = −2/3).
/// </summary>
public sealed partial class AnalyzeCommandTests : IDisposable
{
    private const string StudyText = """
        name: mini
        seed: 1
        tasks: [pendulum]
        demonstrations:
          - {name: synthetic, regime: synthetic, episodes: {train: 2, validation: 1}}
        checkpoints: 1
        seeds: 2
        proxies: [action_mse]
        algorithms:
          - name: bc
            budget: 10
            samples: 4
            space: {learning_rate: {log_uniform: [1.0e-4, 1.0e-2]}}
        """;

    // Per configuration index: true quality (mean over seeds; seed 0 gets +0.05, seed 1 −0.05) and action MSE.
    private static readonly double[] Quality = [0.2, 0.8, 0.5, 0.6];
    private static readonly double[] ActionMse = [0.1, 0.4, 0.3, 0.2];

    private readonly TempDirectory _dir = new();
    private readonly StudyPlan _plan;

    public AnalyzeCommandTests()
    {
        _plan = StudyPlanner.Plan(StudyLoader.Load("mini.yaml", StudyText, new FakeStudyCatalog()).GetStudyOrThrow());
        using var store = StudyStoreFactory.Open(Results, "mini");
        store.SaveStudy("mini", _plan.Study.FileHash, StudyText, "test");
        store.AddRuns(_plan.Runs.Select(r => new PlannedRun(r.RunId, r.Task, r.Demonstrations, r.Algorithm, r.ConfigId, r.Seed, r.SpecJson)));
        foreach (var run in _plan.Runs)
        {
            var claim = store.TryClaim(run.RunId, "test", TimeSpan.FromMinutes(1))!;
            double score = Quality[run.ConfigurationIndex] + (run.Seed == 0 ? 0.05 : -0.05);
            var proxies = new Dictionary<string, double> { ["state_wasserstein"] = 1 - score, ["action_mse"] = ActionMse[run.ConfigurationIndex] };
            Assert.True(store.CompleteSucceeded(claim, [new CheckpointResult(0, 10, 100 * score - 50, score, proxies, 1.0)], 1.0));
        }
    }

    public void Dispose() => _dir.Dispose();

    private string Results => Path.Combine(_dir.Path, "results");

    private static CliServices Services() => CliRunner.Services(new FakeFrontEnd(StudyLoad.Failed([])));

    private string ConfigId(int index) => _plan.Configurations[index].Id;

    [Fact]
    public void Analyze_prints_correlations_selection_winners_curse_and_headline_and_writes_the_report()
    {
        string report = Path.Combine(_dir.Path, "out");
        var r = CliRunner.Run(Services(), "analyze", "mini", "--results", Results, "--k", "4", "--draws", "200", "--seed", "3", "--out", report);

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("study mini: 8 runs, 8 succeeded, 0 failed", r.Out);
        Assert.Contains("analysis: K = 4, B = 200, seed = 3, budgets = 1, 2, 5, 10, 25, 50, all, interval = 0.05–0.95, oracle = normalised score", r.Out);
        Assert.Contains("pendulum / synthetic / bc: 4 configurations, 8 runs", r.Out);
        // K = N: every draw holds the whole pool, so each pick is fixed and its interval a point.
        Assert.Matches(Line(@"action_mse\s+-0\.800 \[\S+, \S+\]\s+-0\.667 \[\S+, \S+\]\s+0\.200 \[0\.200, 0\.200\]\s+0\.600 \[0\.600, 0\.600\]"), r.Out);
        Assert.Matches(Line(@"state_wasserstein\s+1\.000 \[1\.000, 1\.000\]\s+1\.000 \[1\.000, 1\.000\]\s+0\.800 \[0\.800, 0\.800\]\s+0\.000 \[0\.000, 0\.000\]"), r.Out);
        Assert.Contains("oracle pick  0.800 [0.800, 0.800] · random pick  0.525 [0.525, 0.525] (K = 4 of 4, 200 draws)", r.Out);
        // Seed split: seed 0 selects (+0.05), seed 1 is fresh (−0.05).
        Assert.Contains("winner's curse (seed split, K = 4; 1 selection / 1 fresh seeds; selection → fresh): oracle pick 0.850 → 0.750; " +
            "action_mse 0.250 → 0.150; state_wasserstein 0.850 → 0.750", r.Out);
        Assert.Contains("  - bc with synthetic demonstrations: state_wasserstein correlates best with the oracle, Spearman ρ = 1.00", r.Out);
        Assert.Contains($"report: {Path.Combine(report, "index.html")}", r.Out);
        string md = File.ReadAllText(Path.Combine(report, "report.md"));
        Assert.Contains("| analysis settings | K = 4, B = 200, seed = 3, budgets = 1, 2, 5, 10, 25, 50, all |", md);
        Assert.Contains("## Winner's curse", md);
    }

    [Fact]
    public void Analyze_defaults_to_the_study_files_settings_and_the_study_report_folder()
    {
        var r = CliRunner.Run(Services(), "analyze", "mini", "--results", Results, "--draws", "20", "--budgets", "2,all", "--proxies", "action_mse");

        Assert.True(r.ExitCode == 0, r.Err);
        // The study declares no analysis section: K = 25 (capped at the pool of 4), seed = the study seed.
        Assert.Contains("analysis: K = 25, B = 20, seed = 1, budgets = 2, all,", r.Out);
        Assert.Contains("(K = 4 of 4, 20 draws)", r.Out);
        Assert.DoesNotContain("state_wasserstein", r.Out);
        Assert.True(File.Exists(Path.Combine(Results, "mini", "report", "index.html")));
    }

    [Fact]
    public void Json_holds_the_same_numbers()
    {
        var r = CliRunner.Run(Services(), "analyze", "mini", "--results", Results, "--k", "4", "--draws", "50", "--json", "--oracle", "return");

        Assert.True(r.ExitCode == 0, r.Err);
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal("mini", root.GetProperty("study").GetString());
        Assert.Equal("return", root.GetProperty("settings").GetProperty("oracle").GetString());
        Assert.Equal("all", root.GetProperty("settings").GetProperty("budgets")[6].GetString());
        var mse = root.GetProperty("correlations").EnumerateArray().Single(c => c.GetProperty("proxy").GetString() == "action_mse");
        Assert.Equal(-0.8, mse.GetProperty("spearman").GetDouble(), 12);
        Assert.Equal(-2.0 / 3, mse.GetProperty("kendall").GetDouble(), 12);
        var selection = root.GetProperty("selections").EnumerateArray().Single(c => c.GetProperty("proxy").GetString() == "action_mse");
        // Raw return = 100·score − 50: the pick is c0 (score 0.2), the oracle's c1 (0.8).
        Assert.Equal((4, -30.0, 30.0), (selection.GetProperty("k").GetInt32(), Math.Round(selection.GetProperty("proxy_mean").GetDouble(), 9),
            Math.Round(selection.GetProperty("oracle_mean").GetDouble(), 9)));
        Assert.Equal("seed_split", root.GetProperty("winners_curse")[0].GetProperty("source").GetString());
        Assert.Equal("lower_is_better", root.GetProperty("proxies").GetProperty("action_mse").GetString());
    }

    [Theory]
    [InlineData("--k", "0", "--k must be an integer between 1 and 1000000, not '0'")]
    [InlineData("--k", "many", "--k must be an integer")]
    [InlineData("--draws", "-5", "--draws must be an integer")]
    [InlineData("--seed", "-1", "--seed must be a non-negative integer")]
    [InlineData("--budgets", "1,0,all", "--budgets takes integers ≥ 1 and 'all'")]
    [InlineData("--budgets", "1,,2", "--budgets takes integers ≥ 1 and 'all'")]
    [InlineData("--oracle", "reward", "--oracle must be score or return, not 'reward'")]
    [InlineData("--proxies", "action_mse,rnd", "--proxies: no stored values for rnd; the study has action_mse, state_wasserstein")]
    [InlineData("--seeds", "3", "--seeds applies to --follow-up only")]
    [InlineData("--follow-up-study", "nope", "no study named 'nope'")]
    public void Bad_options_are_usage_errors_with_exit_code_2(string option, string value, string message)
    {
        var r = CliRunner.Run(Services(), "analyze", "mini", "--results", Results, option, value);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Err);
        Assert.Equal("", r.Out);
        Assert.False(Directory.Exists(Path.Combine(Results, "mini", "report")));
    }

    [Fact]
    public void An_unknown_study_and_conflicting_flags_are_usage_errors()
    {
        Assert.Equal(2, CliRunner.Run(Services(), "analyze", "nope", "--results", Results).ExitCode);
        var both = CliRunner.Run(Services(), "analyze", "mini", "--results", Results, "--follow-up", "--json");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("cannot be combined with --follow-up", both.Err);
        Assert.Contains("usage: hpproxy analyze <study>", both.Err);
    }

    [Fact]
    public void Follow_up_writes_a_valid_study_of_the_picks_on_fresh_seeds_and_its_rows_feed_the_winners_curse()
    {
        var services = Services() with { Studies = new CoreStudyFrontEnd(() => new FakeStudyCatalog(), () => throw new InvalidOperationException("no references needed")) };
        string file = Path.Combine(_dir.Path, "studies", "mini-followup.yaml");

        var r = CliRunner.Run(services, "analyze", "mini", "--results", Results, "--follow-up", "--seeds", "2", "--out", file);

        Assert.True(r.ExitCode == 0, r.Err + r.Out);
        // action_mse picks configuration 0, state_wasserstein and the oracle configuration 1.
        Assert.Contains($"pendulum / synthetic / bc (4 configurations): action_mse → {ConfigId(0)} (0.200), state_wasserstein → {ConfigId(1)} (0.800), oracle → {ConfigId(1)} (0.800)", r.Out);
        Assert.Contains($"wrote {file}: study mini-followup, 4 runs (2 configurations, fresh seeds 2..3)", r.Out);
        var followUp = StudyPlanner.Plan(StudyLoader.Load(file, File.ReadAllText(file), new FakeStudyCatalog()).GetStudyOrThrow());
        Assert.Equal(new[] { ConfigId(0), ConfigId(1) }.Order(StringComparer.Ordinal), followUp.Configurations.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Empty(followUp.Runs.Select(x => x.RunId).Intersect(_plan.Runs.Select(x => x.RunId)));

        // Pretend the follow-up ran: fresh scores 0.1 (configuration 0) and 0.7 (configuration 1).
        using (var store = StudyStoreFactory.Open(Results, "mini-followup"))
        {
            store.SaveStudy("mini-followup", followUp.Study.FileHash, followUp.Study.FileText, "test");
            store.AddRuns(followUp.Runs.Select(x => new PlannedRun(x.RunId, x.Task, x.Demonstrations, x.Algorithm, x.ConfigId, x.Seed, x.SpecJson)));
            foreach (var run in followUp.Runs)
            {
                var claim = store.TryClaim(run.RunId, "test", TimeSpan.FromMinutes(1))!;
                double score = run.ConfigId == ConfigId(0) ? 0.1 : 0.7;
                store.CompleteSucceeded(claim, [new CheckpointResult(0, 10, 0, score, new Dictionary<string, double> { ["action_mse"] = 0.5 }, 1.0)], 1.0);
            }
        }
        var analysis = CliRunner.Run(services, "analyze", "mini", "--results", Results, "--draws", "20");

        Assert.True(analysis.ExitCode == 0, analysis.Err);
        Assert.Contains("winner's curse: fresh seeds from follow-up study mini-followup\n", analysis.Out);
        Assert.Contains("winner's curse (follow-up, pick over the whole pool; 2 selection / 2 fresh seeds; selection → fresh): oracle pick 0.800 → 0.700; " +
            "action_mse 0.200 → 0.100; state_wasserstein 0.800 → 0.700", analysis.Out);
        string md = File.ReadAllText(Path.Combine(Results, "mini", "report", "report.md"));
        Assert.Contains("re-run on fresh seeds by the follow-up study mini-followup", md);
        Assert.Contains($"| pendulum | synthetic | bc | action\\_mse | follow-up | 4 | 4 | 2 / 2 | 0.200 | 0.100 | 0.100 | 0.800 | 0.700 | 0.100 | {ConfigId(0)} |", md);
    }

    [Fact]
    public void Finishing_a_follow_up_study_rebuilds_the_original_studys_report_too()
    {
        var reports = new FakeReports();
        string file = _dir.File("mini-followup.yaml", "name: mini-followup\n");
        var services = CliRunner.Services(new FakeFrontEnd(StudyLoad.Planned(FakeFrontEnd.Study("mini-followup", 2))), reports);

        var r = CliRunner.Run(services, "run", file, "--workers", "1", "--results", Results);

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal(2, reports.Builds);
        Assert.Contains($"report of mini (winner's curse from mini-followup): {Path.Combine(Results, "mini", "report.md")}", r.Out);
    }

    private static Regex Line(string pattern) => new("^  " + pattern + "$", RegexOptions.Multiline);
}
