using System.Diagnostics;

namespace HpProxy.TestSupport;

/// <summary>
/// The PostgreSQL server the tests use: <c>HPPROXY_TEST_POSTGRES</c> when set, else the project's own throwaway
/// cluster started by <c>scripts/postgres.sh</c> (which prints the connection string on its last line).
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "HPPROXY_TEST_POSTGRES";

    private static readonly Lazy<string> Connection = new(Resolve);

    public static string ConnectionString => Connection.Value;

    private static string Resolve()
    {
        string? fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv)) return fromEnv;
        string script = Path.Combine(RepoRoot.Find(), "scripts", "postgres.sh");
        var psi = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + script);
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2))) throw new TimeoutException(script + " did not finish");
        string? last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (p.ExitCode != 0 || last is null || !last.Contains("Host=", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"PostgreSQL is unavailable for these tests: set {EnvironmentVariable} or install postgresql so that {script} works. stderr: {stderr.Result}");
        }
        return last;
    }
}
