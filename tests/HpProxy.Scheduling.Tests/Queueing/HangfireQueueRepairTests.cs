using HpProxy.Scheduling.Queueing;

namespace HpProxy.Scheduling.Tests.Queueing;

public sealed class HangfireQueueRepairTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hpproxy-repair-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void A_healthy_or_missing_queue_is_left_alone()
    {
        var location = new StudyLocation(_root, "study");
        Assert.Null(HangfireQueueRepair.QuarantineIfCorrupt(location));
        HangfireStorageFactory.Create(location, new SchedulingOptions()).GetMonitoringApi().Queues();
        Assert.Null(HangfireQueueRepair.QuarantineIfCorrupt(location));
        Assert.True(File.Exists(location.HangfireDatabasePath));
    }

    [Fact]
    public void An_unreadable_queue_is_moved_aside_and_a_fresh_one_works()
    {
        var location = new StudyLocation(_root, "study");
        Directory.CreateDirectory(location.StudyDirectory);
        // A file that is not a database at all: what SQLite reports as "file is not a database" / "malformed".
        File.WriteAllBytes(location.HangfireDatabasePath, Enumerable.Repeat((byte)0x5A, 8192).ToArray());

        string? moved = HangfireQueueRepair.QuarantineIfCorrupt(location);

        Assert.NotNull(moved);
        Assert.StartsWith(location.HangfireDatabasePath + ".corrupt-1", moved);
        Assert.False(File.Exists(location.HangfireDatabasePath));
        Assert.True(File.Exists(location.HangfireDatabasePath + ".corrupt-1"));
        var queues = HangfireStorageFactory.Create(location, new SchedulingOptions()).GetMonitoringApi().Queues();
        Assert.Empty(queues);
    }
}
