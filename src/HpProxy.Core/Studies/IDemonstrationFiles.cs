namespace HpProxy.Core.Studies;

/// <summary>
/// Reads and checks the demonstration files a study names (<c>demonstrations[i].file</c>). Core does no I/O, so the
/// study validator asks this (implemented over Parquet in HpProxy.Storage) and reports each problem at the file's
/// key, like every other error of a study file.
/// </summary>
public interface IDemonstrationFiles
{
    /// <summary>Reads the file at <paramref name="path"/> and checks it: readable, an RLDS dataset of a known task
    /// whose observation and action sizes match the task, finite values, actions in [-1, 1]. Problems are
    /// sentences without the path (the validator locates them).</summary>
    DemonstrationFileCheck Inspect(string path);
}

/// <summary>The result of <see cref="IDemonstrationFiles.Inspect"/>: <see cref="Facts"/> when the file is usable,
/// otherwise every problem found.</summary>
public sealed record DemonstrationFileCheck(DemonstrationFileFacts? Facts, IReadOnlyList<string> Problems)
{
    public static DemonstrationFileCheck Usable(DemonstrationFileFacts facts) => new(facts, []);

    public static DemonstrationFileCheck Unusable(params string[] problems) => new(null, problems);
}

/// <summary>What a usable demonstration file holds.</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Task">The task its episodes were recorded on (file metadata).</param>
/// <param name="Demonstrator">Who recorded them (file metadata; e.g. "human").</param>
/// <param name="Episodes">Number of episodes.</param>
/// <param name="HasRewards">Whether the steps carry rewards.</param>
public sealed record DemonstrationFileFacts(string Sha256, string Task, string Demonstrator, int Episodes, bool HasRewards);

/// <summary>The files of a loader that was given no file reader: every <c>file:</c> key is an error.</summary>
internal sealed class NoDemonstrationFiles : IDemonstrationFiles
{
    public static NoDemonstrationFiles Instance { get; } = new();

    public DemonstrationFileCheck Inspect(string path) =>
        DemonstrationFileCheck.Unusable("this program was built without a demonstration file reader");
}
