namespace HpProxy.Storage;

/// <summary>
/// Conversions at the database boundary. Times are UTC unix milliseconds. NaN is stored as NULL (SQLite cannot
/// store NaN: binding one yields NULL) and read back as NaN, in both stores alike; ±Infinity round-trip as is.
/// </summary>
internal static class DbValues
{
    public static double? ToDb(double value) => double.IsNaN(value) ? null : value;

    public static double FromDb(double? value) => value ?? double.NaN;

    public static long ToMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? FromMs(long? ms) => ms is long v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;

    public static string StateName(RunState state) => state switch
    {
        RunState.Pending => "pending",
        RunState.Running => "running",
        RunState.Succeeded => "succeeded",
        RunState.Failed => "failed",
        RunState.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static RunState ParseState(string name) => name switch
    {
        "pending" => RunState.Pending,
        "running" => RunState.Running,
        "succeeded" => RunState.Succeeded,
        "failed" => RunState.Failed,
        "cancelled" => RunState.Cancelled,
        _ => throw new InvalidDataException($"unknown run state '{name}' in the study database"),
    };
}
