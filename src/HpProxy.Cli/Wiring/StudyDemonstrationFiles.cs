using HpProxy.Core.Studies;
using HpProxy.Storage.Datasets;

namespace HpProxy.Cli.Wiring;

/// <summary>The study loader's view of demonstration files: checks each file (<see cref="DemonstrationFileInspector"/>)
/// and registers every usable one with this process's <see cref="DemonstrationFileStore"/>, so that reference returns
/// measured at planning read the same file the study named.</summary>
public sealed class StudyDemonstrationFiles(IDemonstrationFiles inspector, DemonstrationFileStore store) : IDemonstrationFiles
{
    public DemonstrationFileCheck Inspect(string path)
    {
        var check = inspector.Inspect(path);
        if (check.Facts is { } facts) store.Register(facts.Sha256, path);
        return check;
    }
}
