using System.Diagnostics;
using HpProxy.Cli.Tests.Support;
using HpProxy.Scheduling;
using HpProxy.Scheduling.Jobs;
using HpProxy.Scheduling.Queueing;
using HpProxy.Storage;
using Npgsql;

namespace HpProxy.Cli.Tests.EndToEnd;

/// <summary>
/// The PostgreSQL deployment (a study spanning machines): the study database and the Hangfire queue both in
/// PostgreSQL, workers given the connection through <c>HPPROXY_POSTGRES</c>. Uses <c>HPPROXY_TEST_POSTGRES</c>
/// (set by <c>.ci/run</c>) or the throwaway cluster of <c>scripts/postgres.sh</c>.
/// </summary>
public sealed class PostgresEndToEndTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _study = "pg_" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _connection = Connection();

    public void Dispose()
    {
        using (var c = new NpgsqlConnection(_connection))
        {
            c.Open();
            foreach (string schema in new[] { HangfireStorageFactory.SchemaName(_study), "hpproxy_" + _study })
            {
                using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", c);
                drop.ExecuteNonQuery();
            }
        }
        _dir.Dispose();
    }

    [Fact]
    public void Two_worker_processes_finish_a_study_kept_in_postgres()
    {
        string results = Path.Combine(_dir.Path, "results");
        using (var store = StudyStoreFactory.Open(results, _study, _connection))
        {
            var planned = FakeFrontEnd.Study(_study, 4);
            store.SaveStudy(planned.Name, planned.FileHash, planned.FileText, "test");
            store.AddRuns(planned.Runs);
        }
        var env = new Dictionary<string, string>
        {
            [StudyLocation.PostgresEnvironmentVariable] = _connection,
            ["HPPROXY_LEASE_SECONDS"] = "3",
            [SyntheticRunWork.EnvironmentVariable] = "2x200",
        };

        var run = CliProcess.Run(env, TimeSpan.FromMinutes(4), "resume", _study, "--workers", "2", "--no-report", "--results", results);

        Assert.True(run.Code == 0, $"exit {run.Code}\n{run.Out}\n{run.Err}");
        Assert.Contains("4 succeeded, 0 failed, 0 cancelled of 4 runs", run.Out);
        using var check = StudyStoreFactory.Open(results, _study, _connection);
        Assert.Equal(8, check.GetCheckpoints().Count);
        Assert.False(File.Exists(Path.Combine(results, _study, "hangfire.db")), "the queue must live in PostgreSQL too");
    }

    private static string Connection()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("HPPROXY_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(fromEnv)) return fromEnv;
        string script = Path.Combine(RepoRoot(), "scripts", "postgres.sh");
        using var p = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.Contains("Host=", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"PostgreSQL is unavailable: set HPPROXY_TEST_POSTGRES or install postgresql so that {script} works");
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "HpProxy.sln"))) return d.FullName;
        }
        throw new InvalidOperationException("HpProxy.sln not found");
    }
}
