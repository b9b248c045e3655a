using HpProxy.Scheduling.Hangfire;

namespace HpProxy.Scheduling.Tests.Hangfire;

public sealed class SchemaNameTests
{
    [Theory]
    [InlineData("quickstart", "hangfire_quickstart")]
    [InlineData("Classic-Control v2", "hangfire_classic_control_v2")]
    public void Each_study_gets_its_own_safe_postgres_schema(string study, string expected) =>
        Assert.Equal(expected, HangfireStorageFactory.SchemaName(study));
}
