using HpProxy.Core.Envs;
using HpProxy.MuJoCo.Native;

namespace HpProxy.MuJoCo.Tasks;

/// <summary>
/// Gym <c>Walker2d-v4</c>: observation [qpos[1:], clip(qvel, ±10)] (17), reward x-velocity + 1 − 10⁻³‖a‖²,
/// terminated unless 0.8 &lt; z &lt; 2 and −1 &lt; pitch &lt; 1; frame skip 4 × 0.002 s; reset noise U(±0.005).
/// </summary>
public sealed class Walker2d : LocomotionTask
{
    public static readonly TaskInfo TaskInfo = new("walker2d", "mujoco", 17, 6, 1000, TerminatesEarly: true,
        "Walker2d-v4 (MuJoCo): planar biped walking forward, ends when it falls, 1000 steps");

    public Walker2d(string modelPath) : base(TaskInfo, modelPath, frameSkip: 4, resetNoise: 5e-3, gaussianVelocityNoise: false) { }

    protected override (double Forward, double Healthy, double Control) RewardWeights => (1.0, 1.0, 1e-3);

    protected override bool IsHealthy()
    {
        var qpos = Sim.Qpos;
        double z = qpos[1], angle = qpos[2];
        return z > 0.8 && z < 2.0 && angle > -1 && angle < 1;
    }

    private protected override int ObservationSizeFor(MjSimulation sim) => sim.Nq - 1 + sim.Nv;

    protected override void WriteObservation(Span<float> observation) => PlanarObservation.Write(Sim, observation, clipVelocity: true);
}
