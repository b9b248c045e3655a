using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Demonstrators;

namespace HpProxy.Core.Experts;

/// <summary>
/// Registers the saved experts of a folder (<c>experts/&lt;task&gt;.expert</c>) as the demonstrator
/// <see cref="TrainedPolicyDemonstrator.DemonstratorName"/> of their task with <see cref="Demonstrators"/>.
/// Each artifact is parsed (and its hash checked) once, on first use; every demonstrator gets its own network.
/// </summary>
public static class ExpertRegistry
{
    /// <summary>The default artifact path of a task inside an experts folder.</summary>
    public static string PathFor(string directory, string task) => Path.Combine(directory, task + ExpertArtifact.Extension);

    /// <summary>Registers every <c>*.expert</c> in <paramref name="directory"/> (none if it does not exist);
    /// returns the tasks registered. Unreadable files are skipped and reported in <paramref name="problems"/>.</summary>
    public static IReadOnlyList<string> RegisterDirectory(string directory, List<string>? problems = null)
    {
        var tasks = new List<string>();
        if (!Directory.Exists(directory)) return tasks;
        foreach (string file in Directory.GetFiles(directory, "*" + ExpertArtifact.Extension).Order(StringComparer.Ordinal))
        {
            try
            {
                var (task, actionSize, _) = ExpertArtifact.PeekHeader(file);
                Register(task, actionSize, file);
                tasks.Add(task);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException)
            {
                problems?.Add($"{Path.GetFileName(file)}: {e.Message}");
            }
        }
        return tasks;
    }

    /// <summary>Registers one artifact file for <paramref name="task"/>.</summary>
    public static void Register(string task, int actionSize, string file)
    {
        var artifact = new Lazy<ExpertArtifact>(() => ExpertArtifact.Load(file), LazyThreadSafetyMode.ExecutionAndPublication);
        Demonstrators.Register(task, TrainedPolicyDemonstrator.DemonstratorName, actionSize,
            () => new TrainedPolicyDemonstrator(artifact.Value));
    }
}
