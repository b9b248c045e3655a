using HpProxy.Core.Proxies;

namespace HpProxy.Reports.Tests;

/// <summary>One full report (figures included) built once and shared by the tests that inspect its files.</summary>
public sealed class ReportFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public ReportFixture()
    {
        Result = ReportBuilder.Build(StudyData.Create(), _dir.Path, Options);
    }

    /// <summary>Directions passed explicitly so the tests do not depend on the registry's table.</summary>
    public static ReportOptions Options { get; } = new()
    {
        CodeVersion = "test-1.0",
        K = 5,
        B = 200,
        Seed = 42,
        ProxyDirections = new Dictionary<string, ProxyDirection>
        {
            ["state_wasserstein"] = ProxyDirection.LowerIsBetter,
            ["action_mse"] = ProxyDirection.LowerIsBetter,
            ["rnd"] = ProxyDirection.HigherIsBetter,
        },
    };

    public ReportResult Result { get; }

    public void Dispose() => _dir.Dispose();
}
