namespace HpProxy.Scheduling.Jobs;

/// <summary>Identity of a claim holder: <c>host:pid:nonce</c>. The nonce makes every attempt distinct, so two
/// threads of one process (or a pid reused after a crash) never mistake each other's claim for their own.</summary>
public static class OwnerId
{
    public static string Host => Environment.MachineName;

    public static int ProcessId => Environment.ProcessId;

    /// <summary>The process part, <c>host:pid</c>, also the worker id of its heartbeats.</summary>
    public static string Process => $"{Host}:{ProcessId}";

    public static string NewClaimOwner() => $"{Process}:{Guid.NewGuid().ToString("N")[..12]}";
}
