using System.Collections.Concurrent;
using System.Globalization;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Runs;

/// <summary>
/// The demonstration sets read from files (<see cref="DemoSpec.File"/>): the file is found by its content hash
/// (<see cref="IDemonstrationFileStore"/>, over Parquet in HpProxy.Storage), its episodes split by
/// <see cref="FileDemoSelection"/>. Cached per process: a file is read once however many runs learn from it.
/// </summary>
public sealed class FileDemonstrationSource(IDemonstrationFileStore files) : IDemonstrationSource
{
    private readonly ConcurrentDictionary<string, Lazy<GeneratedDemonstrations>> _sets = new(StringComparer.Ordinal);

    public DemonstrationData Get(string task, DemoSpec spec)
    {
        var g = Select(task, spec);
        return new DemonstrationData(g.Train, g.Validation, g.DemonstratorReturn);
    }

    /// <summary>The chosen episodes (rewards included: for export and references) and their reward-free split.</summary>
    public GeneratedDemonstrations Select(string task, DemoSpec spec)
    {
        var file = spec.File ?? throw new ArgumentException($"demonstration set '{spec.Name}' is not read from a file", nameof(spec));
        string key = string.Join("\n", task, spec.Name, file.Sha256,
            file.ReferenceReturn?.ToString("R", CultureInfo.InvariantCulture) ?? "", spec.TrainEpisodes, spec.ValidationEpisodes, spec.Seed);
        var lazy = _sets.GetOrAdd(key, _ => new Lazy<GeneratedDemonstrations>(() => Load(task, spec, file)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failure (a file not staged yet, a disk error) is not cached: the next run of this process tries again.
            _sets.TryRemove(new KeyValuePair<string, Lazy<GeneratedDemonstrations>>(key, lazy));
            throw;
        }
    }

    private GeneratedDemonstrations Load(string task, DemoSpec spec, DemoFileSpec file)
    {
        var loaded = files.Load(file.Sha256);
        if (loaded.Task != task)
            throw new InvalidOperationException($"demonstration file {file.Sha256[..Math.Min(12, file.Sha256.Length)]} holds task '{loaded.Task}', not '{task}'");
        return FileDemoSelection.Select(loaded.Episodes, spec.TrainEpisodes, spec.ValidationEpisodes, spec.Seed, spec.Name,
            loaded.HasRewards, file.ReferenceReturn);
    }
}

/// <summary>Finds a demonstration file by the SHA-256 of its bytes and reads it (HpProxy.Storage implements it over
/// Parquet). It must refuse a file whose bytes no longer have that hash: a run trains on exactly the data it was
/// planned with, or fails saying why.</summary>
public interface IDemonstrationFileStore
{
    LoadedDemonstrationFile Load(string sha256);
}

/// <summary>A demonstration file's episodes (file order), its task and whether its rewards are real.</summary>
public sealed record LoadedDemonstrationFile(string Task, IReadOnlyList<RecordedEpisode> Episodes, bool HasRewards);

/// <summary>Routes each demonstration set to where it comes from: a file (<see cref="DemoSpec.File"/> set) or a
/// demonstrator that regenerates it.</summary>
public sealed class RoutingDemonstrationSource(IDemonstrationSource generated, IDemonstrationSource files) : IDemonstrationSource
{
    public DemonstrationData Get(string task, DemoSpec spec) =>
        spec.File is null ? generated.Get(task, spec) : files.Get(task, spec);
}
