using System.Globalization;

namespace HpProxy.Cli;

/// <summary>Timestamped log lines into a writer (a worker's or the coordinator's log file), thread-safe.</summary>
public sealed class LogWriter(TextWriter target)
{
    private readonly Lock _gate = new();

    public void Write(string message)
    {
        string stamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            target.WriteLine($"{stamp} {message}");
            target.Flush();
        }
    }

    /// <summary>Opens <paramref name="path"/> for appending (creating its folder), shared so that tail -f works.</summary>
    public static StreamWriter OpenAppend(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        return new StreamWriter(stream) { AutoFlush = true };
    }
}
