using System.Net;

namespace HpProxy.Dashboard.Security;

/// <summary>Which Kestrel URLs stay on this machine. Anything else (0.0.0.0, *, +, a LAN address, a host name other
/// than localhost) exposes the study and must be protected by a token.</summary>
public static class Binding
{
    public static IReadOnlyList<string> Split(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool IsLoopback(string url)
    {
        // Kestrel accepts wildcard hosts that Uri does not parse ("http://*:5000", "http://+:5000").
        string rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        string host = rest.Split('/')[0];
        if (host.StartsWith('['))
        {
            int end = host.IndexOf(']', StringComparison.Ordinal);
            host = end > 0 ? host[1..end] : host;
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            host = host[..host.LastIndexOf(':')];
        }
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>Throws when a non-loopback URL is asked for without a token (before anything listens).</summary>
    public static void Validate(string urls, string? token)
    {
        var list = Split(urls);
        if (list.Count == 0) throw new ArgumentException("no URL to listen on", nameof(urls));
        var exposed = list.Where(u => !IsLoopback(u)).ToList();
        if (exposed.Count > 0 && string.IsNullOrEmpty(token))
        {
            throw new ArgumentException(
                $"binding {string.Join(", ", exposed)} exposes the study beyond this machine; pass --token to require a token", nameof(urls));
        }
    }

    public static bool AllLoopback(string urls) => Split(urls).All(IsLoopback);
}
