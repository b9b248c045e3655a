namespace HpProxy.Scheduling.Queueing;

/// <summary>
/// The SQLite Hangfire queue is only a delivery mechanism: the study database knows what is done, and the
/// coordinator enqueues every unfinished run when it starts (decision 0002). So a queue file SQLite can no longer
/// read ("database disk image is malformed", seen once after a SIGTERM under heavy load) is moved aside and a fresh
/// one created, instead of leaving <c>resume</c> with a worker that can never fetch. Only the coordinator (run,
/// resume) calls this, before it starts any worker.
/// </summary>
public static class HangfireQueueRepair
{
    /// <summary>Moves <c>hangfire.db</c> (and its -wal/-shm files) to <c>hangfire.db.corrupt-N</c> when SQLite's
    /// quick check fails; returns where it went, or null when the file is absent or healthy.</summary>
    public static string? QuarantineIfCorrupt(StudyLocation location)
    {
        string path = location.HangfireDatabasePath;
        if (location.Postgres is not null || !File.Exists(path)) return null;
        string? problem = Check(path);
        if (problem is null) return null;
        int n = 1;
        while (File.Exists($"{path}.corrupt-{n}")) n++;
        string target = $"{path}.corrupt-{n}";
        File.Move(path, target);
        foreach (string suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(path + suffix)) File.Move(path + suffix, target + suffix);
        }
        return $"{target} ({problem})";
    }

    /// <summary>Null when SQLite's <c>PRAGMA quick_check</c> says "ok"; otherwise what it (or opening) reported.</summary>
    private static string? Check(string path)
    {
        try
        {
            using var connection = new SQLite.SQLiteConnection(path, SQLite.SQLiteOpenFlags.ReadOnly);
            string result = connection.ExecuteScalar<string>("PRAGMA quick_check");
            return result == "ok" ? null : result;
        }
        catch (SQLite.SQLiteException e)
        {
            return e.Message;
        }
    }
}
