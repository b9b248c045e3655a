using System.Diagnostics;
using System.Text;

namespace HpProxy.Cli.Tests.EndToEnd;

/// <summary>
/// The real command line as a child process: <c>dotnet hpproxy.dll ...</c> from this test's output folder (the test
/// project references the CLI, so the build puts <c>hpproxy.dll</c> next to the tests; no separate build step).
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new(), _err = new();

    public CliProcess(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hpproxy.dll"));
        foreach (string a in args) psi.ArgumentList.Add(a);
        // Keep the parent's knobs from leaking in; the test sets what it needs.
        foreach (string k in new[] { "HPPROXY_LEASE_SECONDS", "HPPROXY_SYNTHETIC_WORK", "HPPROXY_POSTGRES" }) psi.Environment.Remove(k);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        _process = new Process { StartInfo = psi };
        _process.OutputDataReceived += (_, e) => Append(_out, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_err, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;

    public string Out
    {
        get { lock (_out) return _out.ToString(); }
    }

    public string Err
    {
        get { lock (_err) return _err.ToString(); }
    }

    /// <summary>Waits for the exit (the whole process tree is killed after <paramref name="timeout"/>: a hung test
    /// must not leave workers behind). Returns the exit code.</summary>
    public int Wait(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            throw new TimeoutException($"hpproxy did not finish within {timeout}; stdout:\n{Out}\nstderr:\n{Err}");
        }
        _process.WaitForExit(); // drain the output events
        return _process.ExitCode;
    }

    /// <summary>Runs to completion and returns (exit code, stdout, stderr).</summary>
    public static (int Code, string Out, string Err) Run(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        using var p = new CliProcess(environment, args);
        int code = p.Wait(timeout);
        return (code, p.Out, p.Err);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private static void Append(StringBuilder sb, string? line)
    {
        if (line is null) return;
        lock (sb) sb.AppendLine(line);
    }

    private static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        string? self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
