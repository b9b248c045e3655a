namespace HpProxy.Storage;

/// <summary>Opens the study database: SQLite at <c>&lt;resultsRoot&gt;/&lt;studyName&gt;/study.db</c> by default,
/// or PostgreSQL when a connection is given (<c>--store postgres://...</c>).</summary>
public static class StudyStoreFactory
{
    public const string SqliteFileName = "study.db";

    /// <summary>The study's results directory (validated name; not created).</summary>
    public static string StudyDirectory(string resultsRoot, string studyName)
    {
        StudyNames.Validate(studyName);
        return Path.Combine(resultsRoot, studyName);
    }

    /// <summary>Where the SQLite database of a study is (whether or not it exists yet): commands that only read,
    /// like status, check it exists before <see cref="Open(string, string, string?)"/> would create it.</summary>
    public static string SqlitePath(string resultsRoot, string studyName) =>
        Path.Combine(StudyDirectory(resultsRoot, studyName), SqliteFileName);

    /// <summary>Opens and migrates the store (creating the study directory for SQLite).</summary>
    public static IStudyStore Open(string resultsRoot, string studyName, string? postgresConnection = null) =>
        Open(resultsRoot, studyName, postgresConnection, null);

    /// <summary>As <see cref="Open(string, string, string?)"/>, with a clock for leases and timestamps.</summary>
    public static IStudyStore Open(string resultsRoot, string studyName, string? postgresConnection, TimeProvider? clock)
    {
        string dir = StudyDirectory(resultsRoot, studyName);
        // The directory holds the study's other outputs (plots, exports) even when the database is PostgreSQL.
        Directory.CreateDirectory(dir);
        StudyStoreBase store;
        if (string.IsNullOrWhiteSpace(postgresConnection))
        {
            store = new SqliteStudyStore(SqlitePath(resultsRoot, studyName), clock);
        }
        else
        {
            store = new PostgresStudyStore(postgresConnection, studyName, clock);
        }
        try
        {
            store.Migrate();
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }
}
