using HpProxy.Core.Envs;
using HpProxy.MuJoCo.Native;

namespace HpProxy.MuJoCo.Tasks;

/// <summary>
/// Gym <c>Hopper-v4</c>: observation [qpos[1:], clip(qvel, ±10)] (11), reward x-velocity + 1 − 10⁻³‖a‖²,
/// terminated unless z &gt; 0.7, |pitch| &lt; 0.2 and every |qpos[2:], qvel| &lt; 100; frame skip 4 × 0.002 s;
/// reset noise U(±0.005).
/// </summary>
public sealed class Hopper : LocomotionTask
{
    public static readonly TaskInfo TaskInfo = new("hopper", "mujoco", 11, 3, 1000, TerminatesEarly: true,
        "Hopper-v4 (MuJoCo): one-legged hopping forward, ends when it falls, 1000 steps");

    public Hopper(string modelPath) : base(TaskInfo, modelPath, frameSkip: 4, resetNoise: 5e-3, gaussianVelocityNoise: false) { }

    protected override (double Forward, double Healthy, double Control) RewardWeights => (1.0, 1.0, 1e-3);

    protected override bool IsHealthy()
    {
        var qpos = Sim.Qpos;
        var qvel = Sim.Qvel;
        for (int i = 2; i < qpos.Length; i++) if (!(Math.Abs(qpos[i]) < 100)) return false;
        foreach (var v in qvel) if (!(Math.Abs(v) < 100)) return false;
        double z = qpos[1], angle = qpos[2];
        return z > 0.7 && angle > -0.2 && angle < 0.2;
    }

    private protected override int ObservationSizeFor(MjSimulation sim) => sim.Nq - 1 + sim.Nv;

    protected override void WriteObservation(Span<float> observation) => PlanarObservation.Write(Sim, observation, clipVelocity: true);
}
