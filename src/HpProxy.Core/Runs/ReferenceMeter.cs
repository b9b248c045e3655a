using HpProxy.Core.Common;
using HpProxy.Core.Envs;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Runs;

/// <summary>
/// Measures the reference returns of a (task, demonstration set) once, at planning (SPEC.md §3):
/// random = mean return of uniform random actions over <see cref="RandomEpisodes"/> episodes on fixed seeds;
/// expert = mean return of the demonstrator's episodes (train and validation).
/// </summary>
public static class ReferenceMeter
{
    /// <summary>SPEC.md §3 asks for at least 100 episodes.</summary>
    public const int RandomEpisodes = 100;

    public static ReferenceReturns Measure(RunServices services, string task, DemoSpec demonstrations)
    {
        double random = RandomReturn(services.CreateTask(task), seed: StableHash.Fnv1a64("random-reference:" + task));
        double expert = services.Demonstrations.Get(task, demonstrations).DemonstratorReturn;
        return new ReferenceReturns(random, expert);
    }

    public static double RandomReturn(IEnvironment env, ulong seed, int episodes = RandomEpisodes)
    {
        var info = env.Info;
        var rng = new Rng(seed);
        var observation = new float[info.ObservationSize];
        var action = new float[info.ActionSize];
        double total = 0;
        for (int e = 0; e < episodes; e++)
        {
            env.Reset(rng.NextUInt64(), observation);
            for (int t = 0; t < info.Horizon; t++)
            {
                for (int j = 0; j < action.Length; j++) action[j] = (float)rng.Uniform(-1, 1);
                var step = env.Step(action, observation);
                total += step.Reward.Value;
                if (step.Status.EpisodeOver) break;
            }
        }
        return total / episodes;
    }
}
