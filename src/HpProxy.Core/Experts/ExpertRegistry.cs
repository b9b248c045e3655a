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
                var (task, actionSize, sha256) = ExpertArtifact.PeekHeader(file);
                Register(task, actionSize, file, sha256);
                tasks.Add(task);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException)
            {
                problems?.Add($"{Path.GetFileName(file)}: {e.Message}");
            }
        }
        return tasks;
    }

    /// <summary>Registers one artifact file for <paramref name="task"/>. <paramref name="sha256"/>: the artifact's
    /// body hash (its header), whose first 16 hex digits become the demonstrator's version in run specs.</summary>
    public static void Register(string task, int actionSize, string file, string? sha256 = null)
    {
        var artifact = new Lazy<ExpertArtifact>(() => ExpertArtifact.Load(file), LazyThreadSafetyMode.ExecutionAndPublication);
        Demonstrators.Register(task, TrainedPolicyDemonstrator.DemonstratorName, actionSize,
            () => new TrainedPolicyDemonstrator(artifact.Value), VersionOf(sha256));
    }

    /// <summary>The version recorded in run specs: the first 16 hex digits of the artifact hash (as run ids).</summary>
    public static string? VersionOf(string? sha256) => string.IsNullOrEmpty(sha256) ? null : sha256.ToLowerInvariant()[..Math.Min(16, sha256.Length)];
}
