using System.Diagnostics;
using System.Globalization;
using HpProxy.Scheduling.Coordination;

namespace HpProxy.Scheduling.Workers;

/// <summary>
/// Starts worker processes as children: <c>&lt;command&gt; worker &lt;study&gt; --results DIR --threads N --log FILE</c>.
/// Standard streams are inherited, not piped (a pipe would break when the coordinator is killed, and the workers
/// must outlive it); each worker writes its log to <c>&lt;study&gt;/logs/worker-&lt;slot&gt;.log</c> itself. The
/// PostgreSQL connection string, if any, travels in the environment, not on the command line.
/// </summary>
public sealed class ChildWorkerLauncher(WorkerCommand command, StudyLocation location, int threads) : IWorkerLauncher
{
    public IWorkerProcess Start(int slot)
    {
        Directory.CreateDirectory(location.LogDirectory);
        var psi = new ProcessStartInfo(command.FileName) { UseShellExecute = false };
        foreach (string a in command.PrefixArguments) psi.ArgumentList.Add(a);
        foreach (string a in Arguments(slot)) psi.ArgumentList.Add(a);
        if (location.Postgres is { } pg) psi.Environment[StudyLocation.PostgresEnvironmentVariable] = pg;
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {command.FileName}");
        return new ChildWorkerProcess(process);
    }

    public IReadOnlyList<string> Arguments(int slot) =>
    [
        "worker", location.StudyName,
        "--results", location.ResultsRoot,
        "--threads", threads.ToString(CultureInfo.InvariantCulture),
        "--log", Path.Combine(location.LogDirectory, $"worker-{slot}.log"),
    ];

    private sealed class ChildWorkerProcess(Process process) : IWorkerProcess
    {
        public int ProcessId { get; } = process.Id;

        public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

        public bool HasExited => process.HasExited;

        public int? ExitCode => process.HasExited ? process.ExitCode : null;

        public void RequestStop()
        {
            if (process.HasExited) return;
            if (!PosixSignals.Terminate(process.Id)) Kill();
        }

        public void Kill()
        {
            try
            {
                if (!process.HasExited) process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Exited in between.
            }
        }

        public bool WaitForExit(TimeSpan timeout) => process.WaitForExit(timeout);

        public void Dispose() => process.Dispose();
    }
}
