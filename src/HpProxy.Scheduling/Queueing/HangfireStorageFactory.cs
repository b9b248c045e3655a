using System.Text;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;

namespace HpProxy.Scheduling.Queueing;

/// <summary>
/// The Hangfire queue of one study: <c>&lt;results&gt;/&lt;study&gt;/hangfire.db</c> (Hangfire.Storage.SQLite) by
/// default, or a per-study schema in PostgreSQL when the study database is there. Both are only a delivery
/// mechanism; the study database's claim/lease makes effects exactly-once (DESIGN.md "Hangfire storage").
/// </summary>
public static class HangfireStorageFactory
{
    private static readonly Lock ConfigureGate = new();
    private static bool _configured;

    /// <summary>Process-wide Hangfire settings shared by the enqueuing client and the worker servers (they
    /// must agree on the serialisation of job arguments).</summary>
    public static void ConfigureGlobal()
    {
        lock (ConfigureGate)
        {
            if (_configured) return;
            GlobalConfiguration.Configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            _configured = true;
        }
    }

    public static JobStorage Create(StudyLocation location, SchedulingOptions options)
    {
        ConfigureGlobal();
        return location.Postgres is { } pg ? CreatePostgres(location, pg, options) : CreateSqlite(location, options);
    }

    private static SQLiteStorage CreateSqlite(StudyLocation location, SchedulingOptions options)
    {
        Directory.CreateDirectory(location.StudyDirectory);
        var sqliteOptions = new SQLiteStorageOptions
        {
            QueuePollInterval = options.QueuePollInterval,
            InvisibilityTimeout = options.InvisibilityTimeout,
        };
        var storage = new SQLiteStorage(location.HangfireDatabasePath, sqliteOptions);
        // The stock dequeue hands one job to two processes, which stalls one of them 90 s (decision 0004).
        AtomicSqliteJobQueueProvider.Install(storage, sqliteOptions);
        return storage;
    }

    private static PostgreSqlStorage CreatePostgres(StudyLocation location, string connectionString, SchedulingOptions options)
    {
        var pgOptions = new PostgreSqlStorageOptions
        {
            SchemaName = SchemaName(location.StudyName),
            QueuePollInterval = options.QueuePollInterval,
            InvisibilityTimeout = options.InvisibilityTimeout,
            PrepareSchemaIfNecessary = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, pgOptions), pgOptions);
    }

    /// <summary>A PostgreSQL schema per study, so several studies share one database without mixing queues:
    /// <c>hf_</c> + the study name lower-cased with anything but [a-z0-9_] replaced by '_' (at most 3 + 55 bytes,
    /// within PostgreSQL's 63-byte identifiers; the study data itself lives in the storage layer's schema).</summary>
    public static string SchemaName(string studyName)
    {
        var sb = new StringBuilder("hf_");
        foreach (char c in studyName.ToLowerInvariant())
        {
            sb.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        }
        return sb.ToString();
    }
}
