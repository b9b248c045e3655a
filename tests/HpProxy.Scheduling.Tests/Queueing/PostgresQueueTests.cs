using Hangfire.States;
using HpProxy.Scheduling.Queueing;
using HpProxy.TestSupport;
using Npgsql;

namespace HpProxy.Scheduling.Tests.Queueing;

/// <summary>The Hangfire queue in PostgreSQL (<c>HPPROXY_TEST_POSTGRES</c> or <c>scripts/postgres.sh</c>).</summary>
public sealed class PostgresQueueTests : IDisposable
{
    private readonly string _tag = "q" + Guid.NewGuid().ToString("N")[..10];
    private readonly List<string> _studies = [];

    public void Dispose()
    {
        using var c = new NpgsqlConnection(PostgresServer.ConnectionString);
        c.Open();
        foreach (string study in _studies)
        {
            using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{HangfireStorageFactory.SchemaName(study)}\" CASCADE", c);
            drop.ExecuteNonQuery();
        }
    }

    [Fact]
    public void Studies_named_a_dash_b_and_a_underscore_b_keep_separate_queues()
    {
        string dashed = _tag + "-b", underscored = _tag + "_b";
        _studies.AddRange([dashed, underscored]);
        var results = Path.Combine(Path.GetTempPath(), "hpproxy-pgq-" + _tag);
        var dashedLocation = StudyLocation.Create(results, dashed, PostgresServer.ConnectionString);
        var underscoredLocation = StudyLocation.Create(results, underscored, PostgresServer.ConnectionString);
        var options = new SchedulingOptions();
        var dashedStorage = HangfireStorageFactory.Create(dashedLocation, options);
        var underscoredStorage = HangfireStorageFactory.Create(underscoredLocation, options);

        new HangfireRunQueue(dashedStorage, dashedLocation).Enqueue("run-of-the-dashed-study");
        new HangfireRunQueue(underscoredStorage, underscoredLocation).Enqueue("run-of-the-underscored-study");
        new HangfireRunQueue(underscoredStorage, underscoredLocation).Enqueue("another-run-of-the-underscored-study");

        Assert.Equal(1, dashedStorage.GetMonitoringApi().EnqueuedCount(EnqueuedState.DefaultQueue));
        Assert.Equal(2, underscoredStorage.GetMonitoringApi().EnqueuedCount(EnqueuedState.DefaultQueue));
    }
}
