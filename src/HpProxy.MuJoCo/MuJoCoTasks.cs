using HpProxy.Core.Envs;
using HpProxy.MuJoCo.Native;
using HpProxy.MuJoCo.Tasks;

namespace HpProxy.MuJoCo;

/// <summary>
/// The MuJoCo locomotion tasks (Gym v4 conventions) on the system libmujoco 2.2.2: hopper, halfcheetah,
/// walker2d, ant (our MJCF files, copied next to the assembly under <c>Models/</c>) and humanoid (the model of
/// Debian's <c>libmujoco-samples</c>). Listing the tasks needs no library; <see cref="Create"/> throws
/// <see cref="MuJoCoNotFoundException"/> naming the Debian package when the library is missing.
/// </summary>
public sealed class MuJoCoTasks : ITaskProvider
{
    private readonly string _modelDirectory;
    private readonly string _humanoidModel;

    /// <param name="modelDirectory">Folder holding hopper.xml, halfcheetah.xml, walker2d.xml and ant.xml;
    /// default: <c>Models/</c> next to this assembly.</param>
    /// <param name="humanoidModel">The humanoid MJCF; default: Debian's libmujoco-samples model.</param>
    public MuJoCoTasks(string? modelDirectory = null, string? humanoidModel = null)
    {
        _modelDirectory = modelDirectory ?? Path.Combine(AppContext.BaseDirectory, "Models");
        _humanoidModel = humanoidModel ?? Humanoid.DebianModelPath;
    }

    public IReadOnlyList<TaskInfo> Tasks { get; } =
        [Hopper.TaskInfo, HalfCheetah.TaskInfo, Walker2d.TaskInfo, Ant.TaskInfo, Humanoid.TaskInfo];

    /// <summary>True when libmujoco 2.2.2 loads; otherwise <paramref name="reason"/> says what to install.</summary>
    public static bool IsAvailable(out string reason) => MuJoCoNative.IsAvailable(out reason);

    public IEnvironment Create(string taskName) => taskName switch
    {
        "hopper" => new Hopper(Path.Combine(_modelDirectory, "hopper.xml")),
        "halfcheetah" => new HalfCheetah(Path.Combine(_modelDirectory, "halfcheetah.xml")),
        "walker2d" => new Walker2d(Path.Combine(_modelDirectory, "walker2d.xml")),
        "ant" => new Ant(Path.Combine(_modelDirectory, "ant.xml")),
        "humanoid" => CreateHumanoid(),
        _ => throw new ArgumentException($"unknown MuJoCo task '{taskName}'; known: {string.Join(", ", Tasks.Select(t => t.Name))}", nameof(taskName)),
    };

    private Humanoid CreateHumanoid()
    {
        MuJoCoNative.EnsureLoaded();
        if (!File.Exists(_humanoidModel))
            throw new MuJoCoNotFoundException($"humanoid model not found at {_humanoidModel}: install the Debian package 'libmujoco-samples'.");
        return new Humanoid(_humanoidModel);
    }
}
