using HpProxy.MuJoCo.Native;

namespace HpProxy.MuJoCo.Tasks;

/// <summary>The planar walkers' observation: qpos without the root x, then qvel (optionally clipped to ±10, as Gym's hopper/walker).</summary>
internal static class PlanarObservation
{
    public static void Write(MjSimulation sim, Span<float> observation, bool clipVelocity)
    {
        var qpos = sim.Qpos;
        var qvel = sim.Qvel;
        int k = 0;
        for (int i = 1; i < qpos.Length; i++) observation[k++] = (float)qpos[i];
        for (int i = 0; i < qvel.Length; i++) observation[k++] = (float)(clipVelocity ? Math.Clamp(qvel[i], -10, 10) : qvel[i]);
    }
}
