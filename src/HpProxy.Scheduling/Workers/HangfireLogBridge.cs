using Hangfire.Logging;

namespace HpProxy.Scheduling.Workers;

/// <summary>Sends Hangfire's own log (warnings and errors only: its info level is chatty) to a worker's log.</summary>
public sealed class HangfireLogBridge(Action<string> log, LogLevel minimum = LogLevel.Warn) : ILogProvider
{
    /// <summary>Environment variable that lowers the level for a diagnosis (<c>Debug</c>, <c>Info</c>...): Hangfire
    /// swallows and retries storage errors below Warn, which is where a stalled worker shows why.</summary>
    public const string LevelEnvironmentVariable = "HPPROXY_HANGFIRE_LOG";

    /// <summary>The level <see cref="LevelEnvironmentVariable"/> asks for; Warn when unset or unknown.</summary>
    public static LogLevel LevelFromEnvironment() =>
        Enum.TryParse(Environment.GetEnvironmentVariable(LevelEnvironmentVariable), ignoreCase: true, out LogLevel level)
            ? level
            : LogLevel.Warn;

    public ILog GetLogger(string name) => new Logger(name, log, minimum);

    private sealed class Logger(string name, Action<string> log, LogLevel minimum) : ILog
    {
        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (logLevel < minimum) return false;
            if (messageFunc is null) return true; // Hangfire asks whether the level is enabled
            string text = $"hangfire {logLevel} {name}: {messageFunc()}";
            if (exception is not null) text += $" ({exception.GetType().Name}: {exception.Message})";
            log(text);
            return true;
        }
    }
}
