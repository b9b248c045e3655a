using System.Globalization;
using System.Text;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using HpProxy.Core.Common;

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

    /// <summary>Prefix of a study name used as it is; <see cref="HashedPrefix"/> marks a name that was rewritten.
    /// The two differ in their third character, so no rewritten name can equal a kept one.</summary>
    public const string KeptPrefix = "hf_", HashedPrefix = "hfx_";

    /// <summary>PostgreSQL's identifier limit (NAMEDATALEN - 1 bytes); the schema names are ASCII.</summary>
    public const int MaxIdentifierBytes = 63;

    private const int HashHexDigits = 12;

    /// <summary>
    /// A PostgreSQL schema per study, so several studies share one database without mixing queues. Injective on
    /// study names: a name made only of [a-z0-9_] is kept (<c>hf_quickstart</c>, the same schema as before); any
    /// other name (upper case, '-') is lower-cased with '-' → '_' for readability, cut to fit, and followed by 48
    /// bits of a stable hash (FNV-1a 64) of the <b>exact</b> name: <c>a-b</c> → <c>hfx_a_b_…</c>, <c>a_b</c> →
    /// <c>hf_a_b</c>, <c>A_b</c> → <c>hfx_a_b_…</c> with another hash. Always within 63 bytes. (The study data itself
    /// lives in the storage layer's own quoted schema, <c>hpproxy_&lt;name&gt;</c>.)
    /// </summary>
    public static string SchemaName(string studyName)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyName);
        var readable = new StringBuilder(studyName.Length);
        foreach (char c in studyName)
        {
            char lower = char.ToLowerInvariant(c);
            readable.Append(lower is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? lower : '_');
        }
        string kept = readable.ToString();
        if (kept == studyName && KeptPrefix.Length + kept.Length <= MaxIdentifierBytes) return KeptPrefix + kept;
        string hash = StableHash.Fnv1a64(studyName).ToString("x16", CultureInfo.InvariantCulture)[..HashHexDigits];
        int room = MaxIdentifierBytes - HashedPrefix.Length - 1 - HashHexDigits;
        return HashedPrefix + (kept.Length > room ? kept[..room] : kept) + "_" + hash;
    }
}
