using System.Reflection;

namespace HpProxy.Scheduling.Workers;

/// <summary>How to start this same command line again as a worker: the host executable and the arguments that
/// precede the command (the entry assembly's path when the host is <c>dotnet</c>).</summary>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> PrefixArguments)
{
    /// <summary>The running program: <c>dotnet hpproxy.dll</c> (the launcher's way) or the apphost <c>hpproxy</c>.</summary>
    public static WorkerCommand ForCurrentProcess()
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find the running executable");
        string entry = Assembly.GetEntryAssembly()?.Location ?? "";
        bool viaDotnet = Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return viaDotnet && entry.Length > 0 ? new WorkerCommand(host, [entry]) : new WorkerCommand(host, []);
    }
}
