namespace HpProxy.Core.Studies;

/// <summary>The outcome of loading a study file: a valid <see cref="StudyDefinition"/>, or every error found.
/// Warnings (legal but probably unintended, e.g. more samples than a discrete space has points) come either way.</summary>
public sealed record StudyLoadResult(StudyDefinition? Study, IReadOnlyList<StudyError> Errors, IReadOnlyList<StudyError> Warnings)
{
    public bool IsValid => Study is not null && Errors.Count == 0;

    /// <summary>The study, or an exception listing every error (for callers that cannot go on without one).</summary>
    public StudyDefinition GetStudyOrThrow() =>
        IsValid ? Study! : throw new InvalidOperationException("invalid study file:" + Environment.NewLine + string.Join(Environment.NewLine, Errors));
}
