namespace HpProxy.Storage.Tests.Support;

/// <summary>One isolated study database for one test: opens as many stores on it as the test needs
/// (separate connections, like separate worker processes) and deletes it afterwards.</summary>
public interface IStoreTarget : IDisposable
{
    StudyStoreBase OpenStore(TimeProvider clock);
}

public sealed class SqliteTarget : IStoreTarget
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hpproxy-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly List<StudyStoreBase> _stores = [];

    public string DatabasePath => Path.Combine(_dir, "study.db");

    public StudyStoreBase OpenStore(TimeProvider clock)
    {
        Directory.CreateDirectory(_dir);
        var s = new SqliteStudyStore(DatabasePath, clock);
        lock (_stores) _stores.Add(s);
        return s;
    }

    public void Dispose()
    {
        foreach (var s in _stores) s.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}

public sealed class PostgresTarget : IStoreTarget
{
    // Upper case and '-' exercise the quoted schema name.
    private readonly string _study = "T-" + Guid.NewGuid().ToString("N")[..20];
    private readonly List<StudyStoreBase> _stores = [];

    public StudyStoreBase OpenStore(TimeProvider clock)
    {
        var s = new PostgresStudyStore(PostgresServer.ConnectionString, _study, clock);
        lock (_stores) _stores.Add(s);
        return s;
    }

    public void Dispose()
    {
        if (_stores.Count > 0) ((PostgresStudyStore)_stores[0]).DropSchema();
        foreach (var s in _stores) s.Dispose();
    }
}
