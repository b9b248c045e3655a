namespace HpProxy.Scheduling.Tests;

public sealed class SchedulingOptionsTests
{
    [Fact]
    public void Defaults_are_pinned()
    {
        var o = new SchedulingOptions();

        Assert.Equal(TimeSpan.FromSeconds(60), o.Lease);
        Assert.Equal(TimeSpan.FromSeconds(20), o.RenewEvery);
        Assert.Equal(TimeSpan.FromSeconds(1), o.QueuePollInterval);
        Assert.Equal(TimeSpan.FromHours(24), o.InvisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), o.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), o.CoordinatorTick);
    }

    [Fact]
    public void A_study_location_is_absolute_and_names_its_files()
    {
        var l = StudyLocation.Create("results", "quick");

        Assert.True(Path.IsPathRooted(l.ResultsRoot));
        Assert.Equal(Path.Combine(l.ResultsRoot, "quick", "hangfire.db"), l.HangfireDatabasePath);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b")]
    public void A_study_name_must_be_a_folder_name(string name) =>
        Assert.Throws<ArgumentException>(() => StudyLocation.Create("results", name));
}
