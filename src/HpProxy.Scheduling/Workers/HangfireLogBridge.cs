using Hangfire.Logging;

namespace HpProxy.Scheduling.Workers;

/// <summary>Sends Hangfire's own log (warnings and errors only: its info level is chatty) to a worker's log.</summary>
public sealed class HangfireLogBridge(Action<string> log, LogLevel minimum = LogLevel.Warn) : ILogProvider
{
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
