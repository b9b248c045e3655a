using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Runs;

/// <summary>
/// Measures the reference returns of a (task, demonstration set) once, at planning (SPEC.md §3):
/// random = mean return of uniform random actions over ≥ 100 episodes on fixed seeds
/// (<see cref="ReferenceReturnsMeter.RandomReturn"/>); expert = mean return of the demonstrator's episodes.
/// </summary>
public static class ReferenceMeter
{
    public static ReferenceReturns Measure(RunServices services, string task, DemoSpec demonstrations)
    {
        double random = ReferenceReturnsMeter.RandomReturn(services.CreateTask(task));
        double expert = services.Demonstrations.Get(task, demonstrations).DemonstratorReturn;
        return new ReferenceReturns(random, expert);
    }
}
