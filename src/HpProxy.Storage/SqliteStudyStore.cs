using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace HpProxy.Storage;

/// <summary>
/// The study database in one SQLite file (default: <c>&lt;results&gt;/&lt;study&gt;/study.db</c>). Several worker
/// processes on one machine share it safely: WAL journal (readers never block the writer), a busy timeout so
/// writers queue instead of failing, and write transactions that take the write lock at once (BEGIN IMMEDIATE).
/// Not for network file systems (WAL needs shared memory); use <see cref="PostgresStudyStore"/> across machines.
/// </summary>
public sealed class SqliteStudyStore : StudyStoreBase
{
    /// <summary>How long a writer waits for the lock before failing (SQLite busy_timeout). Write transactions
    /// last milliseconds; 30 s leaves room for a lock holder descheduled on an overloaded machine.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _connectionString;

    public SqliteStudyStore(string path, TimeProvider? clock = null)
        : base(clock)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    protected override DbConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        // Per-connection settings. synchronous=NORMAL is durable across process crashes in WAL mode (a power
        // loss may lose the last transactions, never corrupt the file) and much faster than FULL.
        c.Execute($"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;");
        return c;
    }

    // Microsoft.Data.Sqlite issues BEGIN IMMEDIATE unless asked for a deferred transaction.
    protected override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public override void Migrate()
    {
        string? dir = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        using var c = Open();
        if (ReadSchemaVersion(c) == Migrations.MigrationScripts.LatestVersion
            && string.Equals(c.ExecuteScalar<string>("PRAGMA journal_mode"), "wal", StringComparison.OrdinalIgnoreCase))
            return;
        // journal_mode is stored in the file; it cannot change inside a transaction, and waits on the busy timeout.
        string mode = c.ExecuteScalar<string>("PRAGMA journal_mode = WAL") ?? "";
        if (!mode.Equals("wal", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"could not switch {Path} to WAL journal mode (got '{mode}')");
        using var tx = BeginWrite(c);
        ApplyMigrations(c, tx, NowMs);
        tx.Commit();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Pooled connections keep the file open; release them so the directory can be moved or deleted.
            using var c = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(c);
        }
    }
}
