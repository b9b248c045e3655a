using HpProxy.Core.Studies;
using HpProxy.Reports;
using HpProxy.Scheduling;
using HpProxy.Storage;

namespace HpProxy.Cli.Wiring;

/// <summary>
/// The one path from a stored study to its report, shared by <c>report</c>, <c>analyze</c> and the report <c>run</c>
/// writes when a study completes: the analysis settings the study file declares (its <c>analysis</c> section; the
/// resampling seed defaults to the study seed) unless the caller overrides them, and the winner's-curse follow-up
/// study when there is one (<c>&lt;study&gt;-followup</c> next to the study, or the one named).
/// </summary>
public static class StudyReports
{
    /// <summary>Appended to a study's name to name its winner's-curse follow-up (<c>analyze --follow-up</c>).</summary>
    public const string FollowUpSuffix = "-followup";

    public static string FollowUpName(string study) => study + FollowUpSuffix;

    /// <summary>The original study's name if <paramref name="study"/> is named as a follow-up, else null.</summary>
    public static string? OriginalOf(string study) =>
        study.EndsWith(FollowUpSuffix, StringComparison.Ordinal) && study.Length > FollowUpSuffix.Length ? study[..^FollowUpSuffix.Length] : null;

    /// <summary>The analysis settings the stored study file declares; the defaults when it declares none.</summary>
    public static Core.Analysis.AnalysisSettings DeclaredSettings(IStudyStore store) =>
        store.GetStudy() is { } study && StudyLoader.AnalysisSettings(study.FileText) is { } declared ? declared : new();

    /// <summary>
    /// The follow-up study's store: the one named (it must exist), else <c>&lt;study&gt;-followup</c> under the same
    /// results folder (or PostgreSQL database) when it exists, else null (the report falls back to the seed split).
    /// </summary>
    /// <exception cref="StudyNotFoundException">A named follow-up study does not exist.</exception>
    public static IStudyStore? OpenFollowUp(IStudyStoreOpener stores, StudyLocation original, string? name)
    {
        var location = StudyLocation.Create(original.ResultsRoot, name ?? FollowUpName(original.StudyName), original.Postgres);
        // Opening a SQLite study that is not there would create it: look for the file first.
        if (location.Postgres is null && !File.Exists(Path.Combine(location.StudyDirectory, StudyStoreFactory.SqliteFileName)))
        {
            return name is null ? null : throw new StudyNotFoundException(location);
        }
        var store = stores.Open(location);
        try
        {
            if (store.GetStudy() is not null) return store;
        }
        catch (Exception) when (name is null)
        {
            // An auto-detected PostgreSQL schema that is not a study: there is no follow-up.
        }
        store.Dispose();
        return name is null ? null : throw new StudyNotFoundException(location);
    }

    /// <param name="options">Null: the study file's declared settings and every stored proxy.</param>
    /// <param name="outputDirectory">Null: <c>&lt;results&gt;/&lt;study&gt;/report</c>.</param>
    /// <param name="followUpName">Null: <c>&lt;study&gt;-followup</c> if it exists.</param>
    public static ReportResult Build(IStudyStore store, StudyLocation location, IStudyStoreOpener stores, string codeVersion,
        ReportOptions? options = null, string? outputDirectory = null, string? followUpName = null)
    {
        options ??= new ReportOptions { Analysis = DeclaredSettings(store) };
        options = options with { CodeVersion = codeVersion };
        using var followUp = OpenFollowUp(stores, location, followUpName);
        return ReportBuilder.Build(store, outputDirectory ?? Path.Combine(location.StudyDirectory, ProductReportWriter.Folder), options, followUp);
    }
}
