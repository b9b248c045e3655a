namespace HpProxy.Cli.Parsing;

/// <summary>Every command of <c>hpproxy</c> and its options, in the order help lists them.</summary>
public static class CommandTable
{
    public const string DefaultResults = "results";

    private static readonly OptionSpec Results = new("results", "DIR", "results folder (default: results/ in the current directory)");
    private static readonly OptionSpec Postgres = new("postgres", "CONN",
        "keep the study in PostgreSQL (or set HPPROXY_POSTGRES); default: SQLite under the results folder");
    private static readonly OptionSpec Workers = new("workers", "N", "worker processes on this machine (default: one per core)");
    private static readonly OptionSpec NoReport = new("no-report", null, "do not build the report when the study completes");

    public static IReadOnlyList<CommandSpec> All { get; } =
    [
        new("run", "validate and plan a study file, run it to the end with worker processes, build the report",
            ["study.yaml"], [Workers, Results, NoReport, Postgres]),
        new("validate", "check and plan a study file without running anything", ["study.yaml"], []),
        new("resume", "run the unfinished (and cancelled) runs of a study, then build the report",
            ["study"], [Workers, Results, NoReport, new("retry-failed", null, "also run failed runs again"), Postgres]),
        new("worker", "serve a study's runs (started by run/resume; start more by hand on other machines)",
            ["study"], [
                new("threads", "N", "runs at once in this process (default 1: start one process per core instead)"),
                Results,
                new("stay", null, "keep serving when the study has nothing left to do"),
                new("log", "FILE", "append the worker's log to FILE instead of stdout", Hidden: true),
                Postgres,
            ]),
        new("status", "counts of runs by state, live workers and the estimated time left",
            ["study"], [new("json", null, "print JSON (total, pending, running, stalled, succeeded, failed, cancelled, workers, eta_seconds)"), Results, Postgres]),
        new("cancel", "cancel every pending run (running runs finish their attempt)", ["study"], [Results, Postgres]),
        new("report", "rebuild the report from stored rows (nothing is retrained)", ["study"], [Results, Postgres]),
        new("analyze", "recompute the analysis from stored rows with other settings: summary (or JSON) and report; --follow-up writes the winner's-curse follow-up study",
            ["study"], [.. Commands.AnalyzeOptions.Specs, Results, Postgres]),
        new("export", "write runs.csv and checkpoints.csv", ["study"], [new("csv", "DIR", "folder for the CSV files (required)"), Results, Postgres]),
        new("dashboard", "serve live progress and the report in a browser (loopback unless --urls and --token)", ["study"], [
                new("urls", "URLS", "where to listen, ';'-separated (default http://127.0.0.1:5100)"),
                new("token", "TOKEN", "access token (or HPPROXY_DASHBOARD_TOKEN); required off loopback and for actions"),
                Results,
                Postgres,
            ]),
        new("demos", "generate, show, export (a study's sets) or import (a file written elsewhere) RLDS Parquet demonstrations",
            ["generate|show|export|import", "task|file|study"], [
                new("demonstrator", "NAME", "demonstrator (default: the task's first, e.g. scripted)"),
                new("regime", "R", "clean, synthetic (default) or human-like"),
                new("params", "K=V,...", "regime parameters, e.g. noise=0.2,correlation=0.9"),
                new("episodes", "N", "episodes to generate (default 10)"),
                new("seed", "S", "seed of the episodes (default 0)"),
                new("out", "PATH", "file to write (generate; import, default datasets/<task>-<name>.parquet) or folder (export)"),
                new("task", "T", "the task of the imported episodes (import); only this task's sets (export)"),
                new("demonstrations", "NAME", "only this demonstration set (export)"),
                new("name", "NAME", "demonstrator name recorded in the imported file (import; default: the file's, else 'imported')"),
                Results,
                Postgres,
            ]),
        Commands.SanityCommand.Spec,
        Commands.ExpertCommand.Spec,
        new("tasks", "list the tasks a study can use, with sizes, horizon and stored reference returns", [], [
                new("json", null, "print JSON (name, family, observation_size, action_size, horizon, terminates_early, description, reference_returns)"),
                new("measure", null, "measure the reference returns of every task again and store them (see --out)"),
                new("out", "FILE", "where --measure writes (default src/HpProxy.Core/Envs/reference-returns.json)"),
            ]),
        new("algorithms", "list the imitation-learning algorithms", [], []),
        new("proxies", "list the proxies", [], []),
        new("version", "print the version", [], []),
        new("help", "show this help, or a command's usage", ["command?"], []),
    ];

    public static CommandSpec? Find(string name) => All.FirstOrDefault(c => c.Name == name);
}
