namespace HpProxy.Cli;

/// <summary>Process exit codes of <c>hpproxy</c>.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something failed while running (a missing piece, a database error, workers that keep crashing,
    /// an interrupted run).</summary>
    public const int Failure = 1;

    /// <summary>The input is wrong: usage, an invalid study file, an unknown study.</summary>
    public const int BadInput = 2;
}
