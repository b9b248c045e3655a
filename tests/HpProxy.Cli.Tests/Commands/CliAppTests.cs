using System.Text.Json;
using HpProxy.Cli.Tests.Support;
using HpProxy.Cli.Wiring;
using HpProxy.Core.Studies;
using HpProxy.Storage;

namespace HpProxy.Cli.Tests.Commands;

public sealed class CliAppTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Results => Path.Combine(_dir.Path, "results");

    [Fact]
    public void No_arguments_print_usage_on_stderr_with_exit_code_2()
    {
        var r = CliRunner.Run(CliRunner.Services());

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("usage: hpproxy <command>", r.Err);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error()
    {
        var r = CliRunner.Run(CliRunner.Services(), "frobnicate");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown command 'frobnicate'", r.Err);
        Assert.Contains("commands:", r.Err);
    }

    [Fact]
    public void An_unknown_option_shows_that_commands_usage()
    {
        var r = CliRunner.Run(CliRunner.Services(), "status", "quick", "--jsn");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown option '--jsn'", r.Err);
        Assert.Contains("usage: hpproxy status <study> [--json]", r.Err);
    }

    [Fact]
    public void Help_lists_every_command_and_a_commands_help_its_options()
    {
        var all = CliRunner.Run(CliRunner.Services(), "help");
        var run = CliRunner.Run(CliRunner.Services(), "run", "--help");

        Assert.Equal(0, all.ExitCode);
        foreach (string c in new[] { "run", "validate", "dashboard", "worker", "status", "resume", "cancel", "report", "analyze", "export", "tasks", "proxies", "algorithms", "version" })
        {
            Assert.Contains($"  {c} ", all.Out);
        }
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--workers N", run.Out);
        Assert.Contains("--no-report", run.Out);
    }

    [Fact]
    public void Version_and_registries_print_to_stdout()
    {
        Assert.StartsWith("hpproxy test (.NET ", CliRunner.Run(CliRunner.Services(), "version").Out);
        Assert.Equal($"cartpole  balance{Environment.NewLine}pendulum  swing up{Environment.NewLine}", CliRunner.Run(CliRunner.Services(), "tasks").Out);
    }

    [Fact]
    public void A_missing_study_file_is_bad_input()
    {
        var r = CliRunner.Run(CliRunner.Services(), "run", Path.Combine(_dir.Path, "nope.yaml"), "--results", Results);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("nope.yaml: error: no such study file", r.Err);
    }

    [Fact]
    public void An_invalid_study_prints_every_error_with_file_line_and_key_and_writes_nothing()
    {
        string file = _dir.File("bad.yaml", "name: bad\n");
        var studies = new FakeFrontEnd(StudyLoad.Failed([
            new StudyError(file, 3, 5, "algorithms.bc.lr", "expected a number, got 'fast'"),
            new StudyError(file, 9, 1, "tasks", "unknown task 'pendullum' (did you mean 'pendulum'?)"),
        ]));

        var r = CliRunner.Run(CliRunner.Services(studies), "run", file, "--results", Results);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{file}:3:5: algorithms.bc.lr: expected a number, got 'fast'", r.Err);
        Assert.Contains($"{file}:9:1: tasks: unknown task 'pendullum' (did you mean 'pendulum'?)", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
        Assert.False(Directory.Exists(Results));
    }

    [Fact]
    public void Study_commands_on_an_unknown_study_are_bad_input()
    {
        foreach (string command in new[] { "status", "resume", "cancel", "report", "dashboard" })
        {
            var r = CliRunner.Run(CliRunner.Services(), command, "ghost", "--results", Results);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("no study named 'ghost'", r.Err);
        }
        Assert.Equal(2, CliRunner.Run(CliRunner.Services(), "status", "bad/name", "--results", Results).ExitCode);
    }

    [Fact]
    public void Export_without_a_folder_is_a_usage_error()
    {
        var r = CliRunner.Run(CliRunner.Services(), "export", "quick", "--results", Results);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("export needs --csv DIR", r.Err);
    }

    [Fact]
    public void A_missing_piece_of_the_product_is_a_runtime_failure_not_a_crash()
    {
        var services = CliRunner.Services() with { Catalog = new ThrowingCatalog() };

        var r = CliRunner.Run(services, "proxies");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal("hpproxy: error: the proxy registry is not available in this build yet" + Environment.NewLine, r.Err);
    }

    [Fact]
    public void Run_plans_runs_the_study_with_workers_and_builds_the_report()
    {
        string file = _dir.File("tiny.yaml", "name: tiny\n");
        var reports = new FakeReports();
        var services = CliRunner.Services(new FakeFrontEnd(StudyLoad.Planned(FakeFrontEnd.Study("tiny", 6))), reports, new FakeWork("run03"));

        var r = CliRunner.Run(services, "run", file, "--workers", "2", "--results", Results);

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("study tiny: 6 runs planned, 6 new", r.Out);
        Assert.Contains("5 succeeded, 1 failed, 0 cancelled of 6 runs", r.Out);
        Assert.Contains("[##########] 6/6", r.Out);
        Assert.Equal(1, reports.Builds);
        Assert.True(File.Exists(Path.Combine(Results, "tiny", "report.md")));

        var status = JsonDocument.Parse(CliRunner.Run(services, "status", "tiny", "--json", "--results", Results).Out).RootElement;
        Assert.Equal(6, status.GetProperty("total").GetInt32());
        Assert.Equal(5, status.GetProperty("succeeded").GetInt32());
        Assert.Equal(1, status.GetProperty("failed").GetInt32());
        Assert.Equal(0, status.GetProperty("pending").GetInt32());
        Assert.Equal(0, status.GetProperty("running").GetInt32());
        Assert.Equal(0, status.GetProperty("cancelled").GetInt32());
        Assert.Equal(0.0, status.GetProperty("eta_seconds").GetDouble());
        Assert.True(status.TryGetProperty("workers", out _));

        using var store = StudyStoreFactory.Open(Results, "tiny");
        Assert.Equal(12, store.GetCheckpoints().Count); // a failed run keeps the checkpoints it reached
        Assert.Equal("diverged: test", store.GetRuns().Single(x => x.RunId == "run03").Error);
        Assert.NotNull(store.GetReferences("pendulum", "synthetic-5"));

        var human = CliRunner.Run(services, "status", "tiny", "--results", Results);
        Assert.Contains("run03 pendulum/synthetic-5/bc/c1 seed 1: diverged: test", human.Out);

        // Planning the same study again adds nothing and finds nothing to do.
        var again = CliRunner.Run(services, "run", file, "--workers", "2", "--results", Results, "--no-report");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("6 runs planned, 0 new", again.Out);
        Assert.Equal(1, reports.Builds);
    }

    [Fact]
    public void Editing_a_study_adds_only_the_new_runs_and_says_so()
    {
        string file = _dir.File("grow.yaml", "name: grow\n");
        var v1 = FakeFrontEnd.Study("grow", 2);
        var v2 = FakeFrontEnd.Study("grow", 3) with { FileHash = "edited" };

        var first = CliRunner.Run(CliRunner.Services(new FakeFrontEnd(StudyLoad.Planned(v1))), "run", file, "--workers", "1", "--no-report", "--results", Results);
        var second = CliRunner.Run(CliRunner.Services(new FakeFrontEnd(StudyLoad.Planned(v2))), "run", file, "--workers", "1", "--no-report", "--results", Results);

        Assert.Equal(0, first.ExitCode);
        Assert.DoesNotContain("changed", first.Out);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("3 runs planned, 1 new", second.Out);
        Assert.Contains("the study file changed since it was last run", second.Out);
        Assert.Contains("3 succeeded, 0 failed, 0 cancelled of 3 runs", second.Out);
    }

    [Fact]
    public void Cancel_stops_pending_runs_and_resume_puts_them_back_and_finishes()
    {
        using (var store = StudyStoreFactory.Open(Results, "paused"))
        {
            var study = FakeFrontEnd.Study("paused", 4);
            store.SaveStudy(study.Name, study.FileHash, study.FileText, "test");
            store.AddRuns(study.Runs);
        }
        var services = CliRunner.Services();

        var cancel = CliRunner.Run(services, "cancel", "paused", "--results", Results);
        var afterCancel = JsonDocument.Parse(CliRunner.Run(services, "status", "paused", "--json", "--results", Results).Out).RootElement;
        var resume = CliRunner.Run(services, "resume", "paused", "--workers", "1", "--no-report", "--results", Results);
        var afterResume = JsonDocument.Parse(CliRunner.Run(services, "status", "paused", "--json", "--results", Results).Out).RootElement;

        Assert.Equal(0, cancel.ExitCode);
        Assert.Contains("4 pending run(s) cancelled", cancel.Out);
        Assert.Equal(4, afterCancel.GetProperty("cancelled").GetInt32());
        Assert.Equal(JsonValueKind.Number, afterCancel.GetProperty("eta_seconds").ValueKind);
        Assert.True(resume.ExitCode == 0, resume.Err);
        Assert.Contains("4 put back to pending", resume.Out);
        Assert.Equal(4, afterResume.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, afterResume.GetProperty("cancelled").GetInt32());
    }

    [Fact]
    public void A_failing_report_after_a_complete_study_says_how_to_rebuild_it()
    {
        string file = _dir.File("rep.yaml", "name: rep\n");
        var services = CliRunner.Services(new FakeFrontEnd(StudyLoad.Planned(FakeFrontEnd.Study("rep", 2)))) with { Reports = new ThrowingReports() };

        var r = CliRunner.Run(services, "run", file, "--workers", "1", "--results", Results);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("2 succeeded, 0 failed, 0 cancelled of 2 runs", r.Out);
        Assert.Contains("the study is complete but its report failed: no fonts", r.Err);
        Assert.Contains("rebuild it with: hpproxy report rep --results ", r.Err);
    }

    private sealed class ThrowingReports : IReportWriter
    {
        public string Build(IStudyStore store, HpProxy.Scheduling.StudyLocation location) => throw new InvalidOperationException("no fonts");
    }

    private sealed class ThrowingCatalog : ICatalog
    {
        public IReadOnlyList<CatalogEntry> Tasks() => throw ProductServices.Missing("the task registry");

        public IReadOnlyList<CatalogEntry> Algorithms() => throw ProductServices.Missing("the algorithm registry");

        public IReadOnlyList<CatalogEntry> Proxies() => throw ProductServices.Missing("the proxy registry");
    }
}
