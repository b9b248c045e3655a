namespace HpProxy.Dashboard.Tests.Browser;

/// <summary>A fact that needs Debian's chromium (installed by <c>HPPROXY_WITH_BROWSER=1 scripts/setup.sh</c>);
/// skipped, with the reason, where it is missing.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium)) Skip = $"{Chromium} not installed (run HPPROXY_WITH_BROWSER=1 scripts/setup.sh)";
    }
}
