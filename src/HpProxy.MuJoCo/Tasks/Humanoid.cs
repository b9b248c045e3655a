using HpProxy.Core.Envs;
using HpProxy.MuJoCo.Native;

namespace HpProxy.MuJoCo.Tasks;

/// <summary>
/// Humanoid with Gym <c>Humanoid-v4</c>'s conventions on the model shipped by Debian's <c>libmujoco-samples</c>
/// (the DeepMind Control Suite humanoid: 21 actuators, 27 DoF, timestep 0.005 s). Observation
/// [qpos[2:], qvel, cinert, cvel, qfrc_actuator, cfrc_ext] over all bodies as in Gym v4 (size from the model:
/// 26 + 27 + 10·nbody + 6·nbody + 27 + 6·nbody); contact forces are computed with mj_rnePostConstraint after
/// each step, as Gym v4 does. Reward 1.25 · centre-of-mass x-velocity + 5 − 0.1‖a‖²; terminated unless
/// 1 &lt; torso z &lt; 2. Frame skip 3 × 0.005 s = 0.015 s, Gym's control step. Reset noise U(±0.01).
/// </summary>
public sealed class Humanoid : LocomotionTask
{
    /// <summary>Where Debian's libmujoco-samples installs the model.</summary>
    public const string DebianModelPath = "/usr/share/mujoco/model/humanoid/humanoid.xml";

    // 454 = 26 + 27 + 22·17 + 27 for the Debian sample model (nq 28, nv 27, 17 bodies); checked when the model loads.
    public static readonly TaskInfo TaskInfo = new("humanoid", "mujoco", 454, 21, 1000, TerminatesEarly: true,
        "Humanoid (MuJoCo, Debian sample model, Gym v4 conventions): walk forward, ends when the torso leaves 1–2 m, 1000 steps");

    public Humanoid(string modelPath) : base(TaskInfo, modelPath, frameSkip: 3, resetNoise: 1e-2, gaussianVelocityNoise: false) { }

    protected override (double Forward, double Healthy, double Control) RewardWeights => (1.25, 5.0, 0.1);

    protected override double ForwardPosition()
    {
        var mass = Sim.BodyMass;
        var xipos = Sim.Xipos;
        double m = 0, mx = 0;
        for (int b = 0; b < mass.Length; b++)
        {
            m += mass[b];
            mx += mass[b] * xipos[3 * b];
        }
        return mx / m;
    }

    protected override bool IsHealthy()
    {
        double z = Sim.Qpos[2];
        return z > 1.0 && z < 2.0;
    }

    protected override void AfterPhysics() => Sim.RnePostConstraint();

    private protected override int ObservationSizeFor(MjSimulation sim) => sim.Nq - 2 + sim.Nv + 22 * sim.Nbody + sim.Nv;

    protected override void WriteObservation(Span<float> observation)
    {
        int k = 0;
        var qpos = Sim.Qpos;
        for (int i = 2; i < qpos.Length; i++) observation[k++] = (float)qpos[i];
        foreach (var v in Sim.Qvel) observation[k++] = (float)v;
        foreach (var v in Sim.Cinert) observation[k++] = (float)v;
        foreach (var v in Sim.Cvel) observation[k++] = (float)v;
        foreach (var v in Sim.QfrcActuator) observation[k++] = (float)v;
        foreach (var v in Sim.CfrcExt) observation[k++] = (float)v;
    }
}
