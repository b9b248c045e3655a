using System.Data.Common;
using Dapper;
using HpProxy.Core.Common;
using HpProxy.Core.Runs;
using Npgsql;

namespace HpProxy.Storage;

/// <summary>
/// The study database on PostgreSQL, for a study whose workers span machines. Each study lives in its own
/// schema, <c>"hpproxy_&lt;study name&gt;"</c> (quoted, so case and '-' are kept), selected through the
/// connection's search path; the SQL is the same as SQLite's. Leases compare the workers' clocks, so machines
/// must be time-synchronised (NTP) to well within a lease period.
/// </summary>
public sealed class PostgresStudyStore : StudyStoreBase
{
    private readonly NpgsqlDataSource _dataSource;

    /// <param name="connection">An Npgsql connection string (<c>Host=...;Username=...</c>) or a URI
    /// (<c>postgres://user:password@host:port/database</c>).</param>
    /// <param name="studyName">Validated study name; picks the schema.</param>
    public PostgresStudyStore(string connection, string studyName, TimeProvider? clock = null)
        : base(clock)
    {
        StudyNames.Validate(studyName);
        SchemaName = "hpproxy_" + studyName;
        var builder = new NpgsqlConnectionStringBuilder(ToConnectionString(connection))
        {
            SearchPath = QuotedSchema,
        };
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Unquoted schema name of this study.</summary>
    public string SchemaName { get; }

    private string QuotedSchema => "\"" + SchemaName + "\"";

    /// <summary>Accepts <c>postgres://</c> / <c>postgresql://</c> URIs as well as Npgsql connection strings.</summary>
    public static string ToConnectionString(string connection)
    {
        if (!connection.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            && !connection.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return connection;
        var uri = new Uri(connection);
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0) b.Port = uri.Port;
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            string[] parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        string database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) b.Database = database;
        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = pair.Split('=', 2);
            // libpq spellings people paste (sslmode=require) map onto Npgsql's keywords of the same meaning.
            b[Uri.UnescapeDataString(kv[0]).Replace("sslmode", "SSL Mode", StringComparison.OrdinalIgnoreCase)] =
                kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return b.ConnectionString;
    }

    protected override DbConnection Open() => _dataSource.OpenConnection();

    protected override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction();

    protected override string ClaimPickLock => " FOR UPDATE SKIP LOCKED";

    public override void Migrate()
    {
        using var c = Open();
        if (ReadSchemaVersion(c) == Migrations.MigrationScripts.LatestVersion) return;
        using var tx = c.BeginTransaction();
        // Concurrent "CREATE SCHEMA IF NOT EXISTS" can still fail with a unique violation; a transaction-scoped
        // advisory lock per schema serialises every migrating process.
        long key = unchecked((long)StableHash.Fnv1a64("hpproxy-migrate:" + SchemaName));
        c.Execute("SELECT pg_advisory_xact_lock(@key)", new { key }, tx);
        c.Execute($"CREATE SCHEMA IF NOT EXISTS {QuotedSchema}", transaction: tx);
        ApplyMigrations(c, tx, NowMs);
        tx.Commit();
    }

    // Bulk inserts as one statement over arrays (unnest): one round trip instead of one per row, which made
    // completing a run with 5 checkpoints x 6 proxies about 40 round trips.
    protected override int InsertRuns(DbConnection c, DbTransaction tx, IReadOnlyList<PlannedRun> runs, long baseSeq, long nowMs) =>
        c.Execute(
            """
            INSERT INTO runs (run_id, seq, task, demonstrations, algorithm, config_id, seed, spec_json, state, attempts, created_at)
            SELECT u.run_id, u.seq, u.task, u.demonstrations, u.algorithm, u.config_id, u.seed, u.spec_json, 'pending', 0, @now
            FROM unnest(@ids, @seqs, @tasks, @demos, @algorithms, @configs, @seeds, @specs)
                AS u (run_id, seq, task, demonstrations, algorithm, config_id, seed, spec_json)
            ON CONFLICT (run_id) DO NOTHING
            """,
            new
            {
                ids = runs.Select(r => r.RunId).ToArray(),
                seqs = runs.Select((_, i) => baseSeq + i + 1).ToArray(),
                tasks = runs.Select(r => r.Task).ToArray(),
                demos = runs.Select(r => r.Demonstrations).ToArray(),
                algorithms = runs.Select(r => r.Algorithm).ToArray(),
                configs = runs.Select(r => r.ConfigId).ToArray(),
                seeds = runs.Select(r => r.Seed).ToArray(),
                specs = runs.Select(r => r.SpecJson).ToArray(),
                now = nowMs,
            },
            tx);

    protected override void InsertCheckpoints(DbConnection c, DbTransaction tx, string runId, IReadOnlyList<CheckpointResult> checkpoints)
    {
        if (checkpoints.Count == 0) return;
        c.Execute(
            """
            INSERT INTO checkpoints (run_id, idx, step, oracle_return, normalized_score, elapsed_seconds)
            SELECT @runId, u.idx, u.step, u.oracle, u.score, u.elapsed
            FROM unnest(@idx, @step, @oracle, @score, @elapsed) AS u (idx, step, oracle, score, elapsed)
            """,
            new
            {
                runId,
                idx = checkpoints.Select(cp => cp.Index).ToArray(),
                step = checkpoints.Select(cp => cp.Step).ToArray(),
                oracle = checkpoints.Select(cp => DbValues.ToDb(cp.OracleReturn)).ToArray(),
                score = checkpoints.Select(cp => DbValues.ToDb(cp.NormalizedScore)).ToArray(),
                elapsed = checkpoints.Select(cp => DbValues.ToDb(cp.ElapsedSeconds)).ToArray(),
            },
            tx);
        var proxies = checkpoints.SelectMany(cp => cp.Proxies.Select(p => (cp.Index, p.Key, Value: DbValues.ToDb(p.Value)))).ToList();
        if (proxies.Count == 0) return;
        c.Execute(
            """
            INSERT INTO proxy_values (run_id, idx, proxy, value)
            SELECT @runId, u.idx, u.proxy, u.value FROM unnest(@idx, @proxy, @value) AS u (idx, proxy, value)
            """,
            new
            {
                runId,
                idx = proxies.Select(p => p.Index).ToArray(),
                proxy = proxies.Select(p => p.Key).ToArray(),
                value = proxies.Select(p => p.Value).ToArray(),
            },
            tx);
    }

    /// <summary>Deletes the study's schema and everything in it (tests, or a user discarding a study).</summary>
    public void DropSchema()
    {
        using var c = Open();
        c.Execute($"DROP SCHEMA IF EXISTS {QuotedSchema} CASCADE");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _dataSource.Dispose();
    }
}
