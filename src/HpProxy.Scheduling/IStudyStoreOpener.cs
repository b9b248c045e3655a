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
