using System.Runtime.InteropServices;

namespace HpProxy.Scheduling.Workers;

/// <summary>SIGTERM for a child process: .NET can only SIGKILL (<see cref="System.Diagnostics.Process.Kill()"/>),
/// which would skip the worker's graceful stop.</summary>
internal static partial class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM; false when not supported here or the process is gone.</summary>
    public static bool Terminate(int processId)
    {
        if (OperatingSystem.IsWindows()) return false;
        return Kill(processId, SigTerm) == 0;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
