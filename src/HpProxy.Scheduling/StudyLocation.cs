using HpProxy.Storage;

namespace HpProxy.Scheduling;

/// <summary>
/// Where a study lives: <c>&lt;results&gt;/&lt;study&gt;/</c> holds the study database (SQLite), the Hangfire
/// queue (<c>hangfire.db</c>), worker logs and the report. With <see cref="Postgres"/> set, the study database
/// and the Hangfire queue live in PostgreSQL instead (a study spanning machines); files still go under the folder.
/// </summary>
/// <param name="ResultsRoot">The results folder (absolute once normalised by <see cref="Create"/>).</param>
/// <param name="StudyName">The study's name (a folder name).</param>
/// <param name="Postgres">PostgreSQL connection string, or null for SQLite.</param>
public sealed record StudyLocation(string ResultsRoot, string StudyName, string? Postgres = null)
{
    /// <summary>Environment variable carrying the PostgreSQL connection string to worker processes, so that it
    /// never appears on a command line (visible to every user in <c>ps</c>).</summary>
    public const string PostgresEnvironmentVariable = "HPPROXY_POSTGRES";

    public string StudyDirectory => Path.Combine(ResultsRoot, StudyName);

    public string HangfireDatabasePath => Path.Combine(StudyDirectory, "hangfire.db");

    public string LogDirectory => Path.Combine(StudyDirectory, "logs");

    public string ReportDirectory => StudyDirectory;

    /// <summary>Normalises the root to an absolute path (workers may start in another directory) and takes
    /// PostgreSQL from the environment when not given.</summary>
    public static StudyLocation Create(string resultsRoot, string studyName, string? postgres = null)
    {
        // The storage layer's rule (letters, digits, '-', '_'; it becomes a folder and a PostgreSQL schema).
        if (StudyNames.Problem(studyName) is { } problem) throw new ArgumentException(problem, nameof(studyName));
        string? pg = string.IsNullOrWhiteSpace(postgres)
            ? Environment.GetEnvironmentVariable(PostgresEnvironmentVariable)
            : postgres;
        return new StudyLocation(Path.GetFullPath(resultsRoot), studyName, string.IsNullOrWhiteSpace(pg) ? null : pg);
    }
}
