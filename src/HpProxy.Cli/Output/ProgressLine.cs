using System.Globalization;
using System.Text;
using HpProxy.Scheduling.Coordination;

namespace HpProxy.Cli.Output;

/// <summary>
/// The one-line progress of a study:
/// <c>[#####.....] 64/128 succeeded 60 running 2 failed 2 pending 64 | 12.3 runs/min | ETA 5m12s</c>.
/// The fraction counts finished runs (succeeded, failed or cancelled) over all runs.
/// </summary>
public static class ProgressLine
{
    public const int BarWidth = 10;

    public static string Format(CoordinatorProgress p)
    {
        var s = p.Progress;
        int done = s.Succeeded + s.Failed + s.Cancelled;
        int filled = s.Total == 0 ? BarWidth : (int)((long)done * BarWidth / s.Total);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append('[').Append('#', filled).Append('.', BarWidth - filled).Append("] ");
        sb.Append(c, $"{done}/{s.Total} succeeded {s.Succeeded} running {s.Running} failed {s.Failed} pending {s.Pending}");
        if (s.Cancelled > 0) sb.Append(c, $" cancelled {s.Cancelled}");
        sb.Append(" | ").Append(p.RunsPerMinute is { } r ? r.ToString("F1", c) : "--").Append(" runs/min");
        sb.Append(" | ETA ").Append(p.Eta is { } eta ? DurationText.Format(eta) : "--");
        return sb.ToString();
    }
}
