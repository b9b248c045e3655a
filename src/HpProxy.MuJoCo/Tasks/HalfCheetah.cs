using HpProxy.Core.Envs;
using HpProxy.MuJoCo.Native;

namespace HpProxy.MuJoCo.Tasks;

/// <summary>
/// Gym <c>HalfCheetah-v4</c>: observation [qpos[1:], qvel] (17), reward x-velocity − 0.1‖a‖², never terminates
/// (fixed horizon 1000); frame skip 5 × 0.01 s; reset noise qpos U(±0.1), qvel 0.1·N(0, 1).
/// </summary>
public sealed class HalfCheetah : LocomotionTask
{
    public static readonly TaskInfo TaskInfo = new("halfcheetah", "mujoco", 17, 6, 1000, TerminatesEarly: false,
        "HalfCheetah-v4 (MuJoCo): planar cheetah running forward, fixed 1000 steps");

    public HalfCheetah(string modelPath) : base(TaskInfo, modelPath, frameSkip: 5, resetNoise: 0.1, gaussianVelocityNoise: true) { }

    protected override (double Forward, double Healthy, double Control) RewardWeights => (1.0, 0.0, 0.1);

    protected override bool IsHealthy() => true;

    private protected override int ObservationSizeFor(MjSimulation sim) => sim.Nq - 1 + sim.Nv;

    protected override void WriteObservation(Span<float> observation) => PlanarObservation.Write(Sim, observation, clipVelocity: false);
}
