using Hangfire.Dashboard;

namespace HpProxy.Dashboard.Security;

/// <summary>/hangfire: on a loopback binding without a token, local requests only (Hangfire's own rule); with a
/// token, the same token as the rest of the dashboard (header, cookie or ?token=).</summary>
internal sealed class HangfireDashboardAuthorization(TokenCheck tokens) : IDashboardAuthorizationFilter
{
    private static readonly LocalRequestsOnlyAuthorizationFilter LocalOnly = new();

    public bool Authorize(DashboardContext context)
    {
        if (!tokens.HasToken) return LocalOnly.Authorize(context);
        var http = context.GetHttpContext();
        return tokens.FromHeaderCookieOrQuery(http.Request);
    }
}
