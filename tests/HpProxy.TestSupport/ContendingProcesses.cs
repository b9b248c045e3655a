using System.Diagnostics;

namespace HpProxy.TestSupport;

/// <summary>
/// Runs worker processes that must contend: each is started as <c>dotnet exec &lt;dll&gt; &lt;arguments&gt;</c>, prints
/// "ready" when set up, and waits for "go" on its standard input, so all of them start their work at the same
/// moment. Returns each process's output lines. Throws (failing the test) when a process is not ready, does not
/// finish in time or exits non-zero (with its standard error). The multi-process claim and dequeue tests use it.
/// </summary>
public static class ContendingProcesses
{
    public static IReadOnlyList<string[]> Run(string dll, IReadOnlyList<string[]> arguments, TimeSpan? timeout = null)
    {
        var workers = new List<Process>();
        try
        {
            foreach (string[] args in arguments)
            {
                var psi = new ProcessStartInfo("dotnet", ["exec", dll, .. args])
                {
                    RedirectStandardInput = true,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                workers.Add(Process.Start(psi) ?? throw new InvalidOperationException("could not start a worker process"));
            }
            for (int w = 0; w < workers.Count; w++)
            {
                string? line = workers[w].StandardOutput.ReadLine();
                if (line != "ready") throw new InvalidOperationException($"worker {w} said '{line}' instead of 'ready'");
            }
            foreach (var p in workers) p.StandardInput.WriteLine("go"); // released together, so they contend
            var outputs = workers.Select(p => (Out: p.StandardOutput.ReadToEndAsync(), Err: p.StandardError.ReadToEndAsync())).ToList();
            var limit = timeout ?? TimeSpan.FromMinutes(2);
            foreach (var p in workers)
            {
                if (!p.WaitForExit(limit)) throw new TimeoutException("worker did not finish");
            }
            var lines = new List<string[]>();
            for (int w = 0; w < workers.Count; w++)
            {
                if (workers[w].ExitCode != 0) throw new InvalidOperationException($"worker {w} failed: {outputs[w].Err.Result}");
                lines.Add(outputs[w].Out.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            return lines;
        }
        finally
        {
            foreach (var p in workers)
            {
                if (!p.HasExited) p.Kill();
                p.Dispose();
            }
        }
    }
}
