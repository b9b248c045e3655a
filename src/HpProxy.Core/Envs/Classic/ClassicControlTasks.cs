namespace HpProxy.Core.Envs.Classic;

/// <summary>The pure-C# classic-control tasks, by their stable study-file names.</summary>
public sealed class ClassicControlTasks : ITaskProvider
{
    private static readonly (TaskInfo Info, Func<IEnvironment> Create)[] All =
    [
        (Pendulum.TaskInfo, () => new Pendulum()),
        (CartPoleSwingUp.TaskInfo, () => new CartPoleSwingUp()),
        (CartPoleBalance.TaskInfo, () => new CartPoleBalance()),
        (MountainCar.TaskInfo, () => new MountainCar()),
        (Acrobot.TaskInfo, () => new Acrobot()),
        (Reacher2D.TaskInfo, () => new Reacher2D()),
        (PointMass.TaskInfo, () => new PointMass()),
    ];

    public IReadOnlyList<TaskInfo> Tasks { get; } = All.Select(t => t.Info).ToArray();

    public IEnvironment Create(string taskName)
    {
        foreach (var (info, create) in All)
        {
            if (info.Name == taskName) return create();
        }
        throw new ArgumentException($"unknown classic task '{taskName}'; known: {string.Join(", ", All.Select(t => t.Info.Name))}", nameof(taskName));
    }

    public static bool Contains(string taskName) => All.Any(t => t.Info.Name == taskName);
}
