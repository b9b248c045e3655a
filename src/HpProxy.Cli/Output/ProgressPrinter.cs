using HpProxy.Scheduling.Coordination;

namespace HpProxy.Cli.Output;

/// <summary>
/// Shows the progress line: redrawn in place (<c>\r</c>) on a terminal, or printed every
/// <see cref="Interval"/> when stdout is a file or a pipe (logs stay readable).
/// </summary>
public sealed class ProgressPrinter(TextWriter output, bool interactive, TimeProvider? time = null)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private DateTimeOffset _lastPrinted = DateTimeOffset.MinValue;
    private int _lastWidth;
    private string? _last;

    public void Show(CoordinatorProgress progress)
    {
        string line = ProgressLine.Format(progress);
        if (interactive)
        {
            // Pad over the previous line's tail when the new one is shorter.
            output.Write('\r' + line.PadRight(_lastWidth));
            _lastWidth = line.Length;
            output.Flush();
            _last = line;
            return;
        }
        var now = _time.GetUtcNow();
        if (now - _lastPrinted < Interval || line == _last) return;
        output.WriteLine(line);
        output.Flush();
        _lastPrinted = now;
        _last = line;
    }

    /// <summary>Ends the progress display: the final state on its own line.</summary>
    public void Finish(CoordinatorProgress progress)
    {
        string line = ProgressLine.Format(progress);
        if (interactive)
        {
            output.WriteLine('\r' + line.PadRight(_lastWidth));
        }
        else if (line != _last)
        {
            output.WriteLine(line);
        }
        output.Flush();
    }
}
