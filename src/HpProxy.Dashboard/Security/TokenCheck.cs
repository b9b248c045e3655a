using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace HpProxy.Dashboard.Security;

/// <summary>
/// The token rules. A request proves the token with <c>Authorization: Bearer T</c> or <c>X-HpProxy-Token: T</c>;
/// browsers open a page once with <c>?token=T</c>, which sets an HttpOnly, SameSite=Strict cookie for page and GET
/// API requests. Actions (POST) accept only the header, never the cookie, so another site cannot trigger them
/// from a logged-in browser (CSRF). Comparison is constant-time.
/// </summary>
public sealed class TokenCheck(string? token)
{
    public const string CookieName = "hpproxy_token";
    public const string HeaderName = "X-HpProxy-Token";

    private readonly byte[]? _token = string.IsNullOrEmpty(token) ? null : Encoding.UTF8.GetBytes(token);

    public bool HasToken => _token is not null;

    public bool FromHeader(HttpRequest request)
    {
        string? auth = request.Headers.Authorization;
        if (auth is not null && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(auth[7..].Trim())) return true;
        return Matches(request.Headers[HeaderName]);
    }

    public bool FromHeaderCookieOrQuery(HttpRequest request) =>
        FromHeader(request) || Matches(request.Cookies[CookieName]) || Matches(request.Query["token"]);

    public bool Matches(string? candidate)
    {
        if (_token is null || string.IsNullOrEmpty(candidate)) return false;
        byte[] bytes = Encoding.UTF8.GetBytes(candidate);
        return CryptographicOperations.FixedTimeEquals(bytes, _token);
    }
}
