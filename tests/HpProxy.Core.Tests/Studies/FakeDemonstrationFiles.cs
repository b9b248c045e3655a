using HpProxy.Core.Studies;

namespace HpProxy.Core.Tests.Studies;

/// <summary>Demonstration files by path, without I/O: each path maps to facts or to problems; anything else is missing.</summary>
public sealed class FakeDemonstrationFiles : IDemonstrationFiles
{
    public Dictionary<string, DemonstrationFileCheck> Files { get; } = new(StringComparer.Ordinal);

    public List<string> Asked { get; } = [];

    public FakeDemonstrationFiles With(string path, string task, int episodes = 30, bool rewards = true, string sha = "", string demonstrator = "human")
    {
        Files[path] = DemonstrationFileCheck.Usable(new DemonstrationFileFacts(
            sha.Length > 0 ? sha : new string('a', 63) + (char)('0' + Files.Count), task, demonstrator, episodes, rewards));
        return this;
    }

    public DemonstrationFileCheck Inspect(string path)
    {
        Asked.Add(path);
        return Files.TryGetValue(path, out var check) ? check : DemonstrationFileCheck.Unusable("no such file");
    }
}
