using System.Collections.Concurrent;
using HpProxy.Core.Runs;

namespace HpProxy.Storage.Datasets;

/// <summary>
/// Finds demonstration files by content hash for the workers (<see cref="IDemonstrationFileStore"/>). Where to look:
/// paths registered when a study file was loaded in this process (<see cref="Register"/>), and study folders
/// (<see cref="AddStudyDirectory"/>), where <c>run</c> stages a copy of every file a study names as
/// <c>datasets/&lt;sha256&gt;.parquet</c> (<see cref="Stage"/>) so that a study folder is self-contained: a worker
/// started anywhere, later, or after the original file moved still finds the exact bytes it was planned with.
/// A file whose bytes no longer hash to what the run expects is refused with the reason.
/// </summary>
public sealed class DemonstrationFileStore : IDemonstrationFileStore
{
    /// <summary>The folder of staged files inside a study folder.</summary>
    public const string FolderName = "datasets";

    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _directories = new(StringComparer.Ordinal);

    /// <summary>Remembers where the file with this hash is (a study's <c>file:</c>, checked at load).</summary>
    public void Register(string sha256, string path) => _known[sha256] = Path.GetFullPath(path);

    /// <summary>Also looks in <c>&lt;studyDirectory&gt;/datasets/</c>.</summary>
    public void AddStudyDirectory(string studyDirectory) => _directories.TryAdd(Path.GetFullPath(studyDirectory), 0);

    /// <summary>Where a staged file with this hash lives in a study folder.</summary>
    public static string StagedPath(string studyDirectory, string sha256) =>
        Path.Combine(studyDirectory, FolderName, sha256 + ".parquet");

    /// <summary>Copies <paramref name="source"/> into the study folder under its hash (once; an existing copy with the
    /// right hash is kept). Returns the staged path. Throws when the source's bytes no longer have that hash.</summary>
    public static string Stage(string studyDirectory, string sha256, string source)
    {
        string target = StagedPath(studyDirectory, sha256);
        if (File.Exists(target) && DatasetFileHash.Of(target) == sha256) return target;
        string actual = DatasetFileHash.Of(source);
        if (actual != sha256)
            throw new InvalidDataException($"{source} changed since the study was validated (SHA-256 {actual[..12]}…, expected {sha256[..12]}…)");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string temp = target + "." + Environment.ProcessId + ".tmp";
        File.Copy(source, temp, overwrite: true);
        File.Move(temp, target, overwrite: true);
        return target;
    }

    public LoadedDemonstrationFile Load(string sha256)
    {
        string? path = Find(sha256) ?? throw new FileNotFoundException(
            $"no demonstration file with SHA-256 {sha256} (looked in {Describe()}); 'hpproxy run' stages the study's files into <study>/{FolderName}/");
        var (info, episodes) = DemonstrationDataset.Read(path);
        return new LoadedDemonstrationFile(info.Task, episodes, info.HasRewards);
    }

    /// <summary>The path of a file with this hash whose bytes still have it, or null.</summary>
    public string? Find(string sha256)
    {
        var candidates = new List<string>();
        if (_known.TryGetValue(sha256, out var known)) candidates.Add(known);
        candidates.AddRange(_directories.Keys.Order(StringComparer.Ordinal).Select(d => StagedPath(d, sha256)));
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate) && DatasetFileHash.Of(candidate) == sha256) return candidate;
        }
        return null;
    }

    private string Describe()
    {
        var places = _known.Values.Concat(_directories.Keys.Select(d => Path.Combine(d, FolderName))).ToList();
        return places.Count == 0 ? "nowhere: no study folder or file registered" : string.Join(", ", places);
    }
}
