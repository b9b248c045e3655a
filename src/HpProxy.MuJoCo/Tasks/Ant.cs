using HpProxy.Core.Envs;
using HpProxy.MuJoCo.Native;

namespace HpProxy.MuJoCo.Tasks;

/// <summary>
/// Gym <c>Ant-v4</c> without contact forces (its default): observation [qpos[2:], qvel] (27), reward
/// x-velocity + 1 − 0.5‖a‖², terminated unless the state is finite and 0.2 ≤ torso z ≤ 1; frame skip
/// 5 × 0.01 s; reset noise qpos U(±0.1), qvel 0.1·N(0, 1).
/// </summary>
public sealed class Ant : LocomotionTask
{
    public static readonly TaskInfo TaskInfo = new("ant", "mujoco", 27, 8, 1000, TerminatesEarly: true,
        "Ant-v4 (MuJoCo): quadruped walking forward, ends when the torso leaves 0.2–1 m, 1000 steps");

    public Ant(string modelPath) : base(TaskInfo, modelPath, frameSkip: 5, resetNoise: 0.1, gaussianVelocityNoise: true) { }

    protected override (double Forward, double Healthy, double Control) RewardWeights => (1.0, 1.0, 0.5);

    protected override bool IsHealthy()
    {
        var qpos = Sim.Qpos;
        double z = qpos[2];
        return AllFinite(qpos) && AllFinite(Sim.Qvel) && z >= 0.2 && z <= 1.0;
    }

    private protected override int ObservationSizeFor(MjSimulation sim) => sim.Nq - 2 + sim.Nv;

    protected override void WriteObservation(Span<float> observation)
    {
        var qpos = Sim.Qpos;
        var qvel = Sim.Qvel;
        int k = 0;
        for (int i = 2; i < qpos.Length; i++) observation[k++] = (float)qpos[i];
        for (int i = 0; i < qvel.Length; i++) observation[k++] = (float)qvel[i];
    }
}
