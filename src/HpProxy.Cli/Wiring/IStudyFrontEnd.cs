using HpProxy.Core.Envs;
using HpProxy.Core.Studies;
using HpProxy.Storage;

namespace HpProxy.Cli.Wiring;

/// <summary>
/// Reads, validates and plans a study file for <c>hpproxy run</c>. It never throws for a bad file: every problem
/// comes back at once, each with its file, line, column and key (DESIGN.md: validate before any compute).
/// </summary>
public interface IStudyFrontEnd
{
    StudyLoad Load(string path);
}

/// <summary>Either a planned study or its errors; warnings either way.</summary>
public sealed record StudyLoad(PlannedStudy? Study, IReadOnlyList<StudyError> Errors)
{
    public IReadOnlyList<StudyError> Warnings { get; init; } = [];

    public static StudyLoad Failed(IReadOnlyList<StudyError> errors) => new(null, errors);

    public static StudyLoad Planned(PlannedStudy study) => new(study, []);
}

/// <summary>A validated study file and its plan: what <c>run</c> records in the study database.</summary>
/// <param name="Name">The study's name (its folder under the results folder).</param>
/// <param name="FileHash">Canonical hash of the file (provenance of every figure).</param>
/// <param name="FileText">The file as read.</param>
/// <param name="Runs">Every run, with stable ids; re-planning yields the same ids.</param>
/// <param name="References">Reference returns each (task, demonstration set) needs, computed once at planning.</param>
public sealed record PlannedStudy(
    string Name,
    string FileHash,
    string FileText,
    IReadOnlyList<PlannedRun> Runs,
    IReadOnlyList<ReferenceNeed> References)
{
    /// <summary>The demonstration files the study reads (<c>file:</c> sets): <c>run</c> copies each into the study
    /// folder under its hash before anything trains, so workers find exactly the planned bytes.</summary>
    public IReadOnlyList<DatasetFile> Datasets { get; init; } = [];
}

/// <summary>A demonstration file of a study: its content hash and where it was found.</summary>
public sealed record DatasetFile(string Sha256, string Path);

/// <summary>Reference returns (random and expert) of a (task, demonstration set), computed only when not stored yet.</summary>
public sealed record ReferenceNeed(string Task, string Demonstrations, Func<ReferenceReturns> Compute);
