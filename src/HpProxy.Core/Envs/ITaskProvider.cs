namespace HpProxy.Core.Envs;

/// <summary>A family of tasks (classic control in Core, MuJoCo in its own assembly).</summary>
public interface ITaskProvider
{
    IReadOnlyList<TaskInfo> Tasks { get; }

    /// <summary>Creates a fresh, independent instance of the named task (one per thread/run).</summary>
    IEnvironment Create(string taskName);
}
