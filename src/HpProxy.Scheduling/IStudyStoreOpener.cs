using HpProxy.Storage;

namespace HpProxy.Scheduling;

/// <summary>Opens the study database of a location (each call returns a new store the caller disposes).
/// The product's opener calls the storage layer's factory; tests pass an in-memory store.</summary>
public interface IStudyStoreOpener
{
    IStudyStore Open(StudyLocation location);
}

/// <summary>An opener from a delegate.</summary>
public sealed class DelegateStudyStoreOpener(Func<StudyLocation, IStudyStore> open) : IStudyStoreOpener
{
    public IStudyStore Open(StudyLocation location) => open(location);
}

/// <summary>The product's opener: SQLite under the results folder, or PostgreSQL (<see cref="StudyStoreFactory"/>).</summary>
public sealed class StudyStoreOpener : IStudyStoreOpener
{
    public static StudyStoreOpener Instance { get; } = new();

    public IStudyStore Open(StudyLocation location) =>
        StudyStoreFactory.Open(location.ResultsRoot, location.StudyName, location.Postgres);
}
