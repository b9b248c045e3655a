using System.Globalization;
using System.Text;
using HpProxy.Scheduling.Coordination;

namespace HpProxy.Cli.Output;

/// <summary>
/// The one-line progress of a study, every number before its label:
/// <c>[#####.....] 64/128 done · 2 running · 2 failed · 62 pending | 12.3 runs/min | ETA 23m</c>.
/// "done" counts finished runs (succeeded, failed or cancelled) over all runs; failed and cancelled (shown only
/// when there are any) are part of it. "running" counts runs under a live lease only: runs a dead worker left in
/// state running (kill -9, reboot) show, once their lease expired, as <c>· 4 stalled (lease expired)</c> after it
/// (only when there are any); the next job a worker takes redoes them first (decision 0009). The ETA is weighted by run kind; "ETA >23m" means some remaining runs are of a
/// kind not yet timed, so the study takes at least that long.
/// </summary>
public static class ProgressLine
{
    public const int BarWidth = 10;

    /// <summary>Separates the counts (U+00B7 middle dot).</summary>
    public const string Separator = " · ";

    public static string Format(CoordinatorProgress p)
    {
        var s = p.Progress;
        int done = s.Succeeded + s.Failed + s.Cancelled;
        int filled = s.Total == 0 ? BarWidth : (int)((long)done * BarWidth / s.Total);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append('[').Append('#', filled).Append('.', BarWidth - filled).Append("] ");
        sb.Append(c, $"{done}/{s.Total} done{Separator}{s.LiveRunning} running");
        if (s.Stalled > 0) sb.Append(c, $"{Separator}{s.Stalled} stalled (lease expired)");
        sb.Append(c, $"{Separator}{s.Failed} failed{Separator}{s.Pending} pending");
        if (s.Cancelled > 0) sb.Append(c, $"{Separator}{s.Cancelled} cancelled");
        sb.Append(" | ").Append(p.RunsPerMinute is { } r ? r.ToString("F1", c) : "--").Append(" runs/min");
        sb.Append(" | ETA ");
        if (p.Eta is { } eta) sb.Append(p.EtaIsLowerBound ? ">" : "").Append(DurationText.Approximate(eta));
        else sb.Append("--");
        return sb.ToString();
    }
}
