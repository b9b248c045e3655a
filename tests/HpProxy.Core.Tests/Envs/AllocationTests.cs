using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Tests.Envs;

public class AllocationTests
{
    [Fact]
    public void Step_and_demonstrator_Act_allocate_nothing()
    {
        foreach (var info in new ClassicControlTasks().Tasks)
        {
            var env = new ClassicControlTasks().Create(info.Name);
            var demo = Demonstrators.Create(info.Name, "scripted", "human-like", HyperparameterSet.Empty);
            var obs = new float[info.ObservationSize];
            var act = new float[info.ActionSize];
            env.Reset(1, obs);
            demo.Reset(1);
            for (int t = 0; t < 5; t++) { demo.Act(obs, act); env.Step(act, obs); } // warm up (JIT, lazy gains)
            env.Reset(2, obs);
            demo.Reset(2);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int t = 0; t < info.Horizon; t++)
            {
                demo.Act(obs, act);
                if (env.Step(act, obs).Status.EpisodeOver) break;
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated == 0, $"{info.Name}: {allocated} bytes allocated in an episode");
        }
    }
}
