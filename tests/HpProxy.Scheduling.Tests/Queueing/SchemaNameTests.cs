using HpProxy.Scheduling.Queueing;

namespace HpProxy.Scheduling.Tests.Queueing;

public sealed class SchemaNameTests
{
    [Theory]
    [InlineData("quickstart", "hf_quickstart")]
    [InlineData("Classic-Control_v2", "hf_classic_control_v2")]
    public void Each_study_gets_its_own_safe_postgres_schema(string study, string expected) =>
        Assert.Equal(expected, HangfireStorageFactory.SchemaName(study));
}
