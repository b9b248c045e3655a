using HpProxy.Storage.Migrations;
using HpProxy.Storage.Tests.Support;

namespace HpProxy.Storage.Tests;

public sealed class StudyStoreFactoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hpproxy-factory-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Open_creates_the_study_directory_and_a_migrated_wal_database()
    {
        using (var store = StudyStoreFactory.Open(_root, "my-study_1"))
        {
            Assert.IsType<SqliteStudyStore>(store);
            Assert.Equal(MigrationScripts.LatestVersion, ((StudyStoreBase)store).SchemaVersion());
            Assert.Equal(0, store.GetProgress().Total);
        }
        string db = Path.Combine(_root, "my-study_1", "study.db");
        Assert.Equal(db, StudyStoreFactory.SqlitePath(_root, "my-study_1"));
        Assert.True(File.Exists(db));
        Assert.Equal(Path.Combine(_root, "my-study_1"), StudyStoreFactory.StudyDirectory(_root, "my-study_1"));
        // WAL is a property of the file: the header's read/write version bytes (18, 19) are 2 in WAL mode.
        using var f = new FileStream(db, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var header = new byte[20];
        f.ReadExactly(header);
        Assert.Equal((byte)2, header[18]);
        Assert.Equal((byte)2, header[19]);
    }

    [Fact]
    public void Open_with_a_connection_string_uses_postgres()
    {
        using var store = StudyStoreFactory.Open(_root, "factory_pg_" + Guid.NewGuid().ToString("N")[..8], PostgresServer.ConnectionString);
        try
        {
            Assert.IsType<PostgresStudyStore>(store);
            Assert.Equal(MigrationScripts.LatestVersion, ((StudyStoreBase)store).SchemaVersion());
        }
        finally
        {
            ((PostgresStudyStore)store).DropSchema();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("dot.name")]
    [InlineData("ünïcode")]
    public void Invalid_study_names_are_rejected(string name)
    {
        Assert.Throws<ArgumentException>(() => StudyStoreFactory.StudyDirectory(_root, name));
        Assert.Throws<ArgumentException>(() => StudyStoreFactory.Open(_root, name));
        Assert.False(Directory.Exists(_root));
    }

    [Fact]
    public void Names_up_to_the_limit_are_accepted()
    {
        Assert.Null(StudyNames.Problem(new string('a', StudyNames.MaxLength)));
        Assert.NotNull(StudyNames.Problem(new string('a', StudyNames.MaxLength + 1)));
        Assert.Null(StudyNames.Problem("Hopper-BC_sweep-2"));
    }

    [Fact]
    public void Postgres_uris_become_npgsql_connection_strings()
    {
        string cs = PostgresStudyStore.ToConnectionString("postgres://alice:p%40ss@db.example:6543/studies?sslmode=require");
        var b = new Npgsql.NpgsqlConnectionStringBuilder(cs);
        Assert.Equal(("db.example", 6543, "alice", "p@ss", "studies", Npgsql.SslMode.Require), (b.Host, b.Port, b.Username, b.Password, b.Database, b.SslMode));
        Assert.Equal("Host=h;Database=d", PostgresStudyStore.ToConnectionString("Host=h;Database=d"));
    }

    [Fact]
    public void Migrations_are_numbered_from_one_and_create_the_tables()
    {
        var all = MigrationScripts.All;
        Assert.Equal(Enumerable.Range(1, all.Count), all.Select(m => m.Version));
        Assert.Equal("initial", all[0].Name);
        foreach (string table in new[] { "study", "runs", "checkpoints", "proxy_values", "reference_returns", "workers" })
            Assert.Contains($"CREATE TABLE IF NOT EXISTS {table} ", all[0].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_from_a_newer_program_is_refused()
    {
        string db = Path.Combine(_root, "newer", "study.db");
        using (var store = new SqliteStudyStore(db))
        {
            store.Migrate();
        }
        using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            raw.Open();
            using var cmd = raw.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 0)";
            cmd.ExecuteNonQuery();
        }
        using var again = new SqliteStudyStore(db);
        var e = Assert.Throws<InvalidOperationException>(again.Migrate);
        Assert.Contains("999", e.Message, StringComparison.Ordinal);
    }
}
