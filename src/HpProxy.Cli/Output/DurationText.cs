using System.Globalization;

namespace HpProxy.Cli.Output;

/// <summary>Short durations for humans: <c>42s</c>, <c>5m12s</c>, <c>3h07m</c>, <c>2d04h</c>.</summary>
public static class DurationText
{
    public static string Format(TimeSpan t)
    {
        if (t < TimeSpan.Zero) t = TimeSpan.Zero;
        long s = (long)Math.Round(t.TotalSeconds);
        var c = CultureInfo.InvariantCulture;
        if (s < 60) return string.Create(c, $"{s}s");
        if (s < 3600) return string.Create(c, $"{s / 60}m{s % 60:00}s");
        if (s < 86400) return string.Create(c, $"{s / 3600}h{s % 3600 / 60:00}m");
        return string.Create(c, $"{s / 86400}d{s % 86400 / 3600:00}h");
    }

    /// <summary>An estimate to the precision it deserves: <c>40s</c>, <c>23m</c>, <c>3h07m</c>, <c>2d04h</c>
    /// (seconds only below a minute; minutes rounded).</summary>
    public static string Approximate(TimeSpan t)
    {
        if (t < TimeSpan.Zero) t = TimeSpan.Zero;
        long s = (long)Math.Round(t.TotalSeconds);
        if (s < 60) return Format(t);
        long m = (long)Math.Round(s / 60.0);
        return m < 60 ? string.Create(CultureInfo.InvariantCulture, $"{m}m") : Format(TimeSpan.FromMinutes(m));
    }
}
