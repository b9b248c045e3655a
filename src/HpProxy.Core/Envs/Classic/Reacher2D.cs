namespace HpProxy.Core.Envs.Classic;

/// <summary>
/// A planar two-link reacher after Gym <c>Reacher-v4</c>: link lengths 0.1 m and 0.11 m (Gym), target drawn
/// uniformly in the disc of radius 0.2 m (Gym's rejection sampling), joints start at U(−0.1, 0.1) rad with
/// velocities U(−0.005, 0.005) (Gym), reward −‖fingertip − target‖ − ‖a‖² (Gym), horizon 50 (Gym).
/// The physics is our own rigid two-link manipulator (uniform rods of Gym's capsule mass 0.0356 kg, a joint
/// armature 0.005 kg m² and viscous damping 0.05 N m s per joint, motor torque 0.5a N m), integrated by
/// semi-implicit Euler with two 0.01 s substeps per 0.02 s control step (Gym's frame_skip 2 × 0.01 s). The
/// armature dominates the inertia as in Gym's model, but the gains are tamer than Gym's gear 200 so that
/// velocities stay of order 10 rad/s. The reward uses the state after the step (Gym uses the state before).
/// Observation (10): [cos q1, cos q2, sin q1, sin q2, target x, target y, q̇1, q̇2, tip − target (x, y)]
/// (Gym's 11 without the constant z component).
/// </summary>
public sealed class Reacher2D : ClassicTask
{
    public const double Link1 = 0.1;          // Gym reacher.xml
    public const double Link2 = 0.11;         // Gym reacher.xml (fingertip at 0.11)
    public const double LinkMass = 0.0356;    // capsule of radius 0.01 m, length 0.1 m, density 1000 (Gym/MuJoCo default)
    public const double Armature = 0.005;     // ours (Gym: 1 with gear 200), keeps armature-dominated inertia
    public const double Damping = 0.05;       // ours: time constant Armature/Damping = 0.1 s
    public const double Gear = 0.5;           // ours: terminal speed Gear/Damping = 10 rad/s
    public const double SubstepDt = 0.01;     // Gym timestep
    public const int Substeps = 2;            // Gym frame_skip
    public const double TargetRadius = 0.2;   // Gym

    public static readonly TaskInfo TaskInfo = new(
        "reacher2d", "classic", ObservationSize: 10, ActionSize: 2, Horizon: 50, TerminatesEarly: false,
        "Planar 2-link reacher (Gym Reacher-like): reward −‖tip − target‖ − ‖a‖², 50 steps");

    public Reacher2D() : base(TaskInfo) { }

    public double Q1 { get; private set; }
    public double Q2 { get; private set; }
    public double Q1Dot { get; private set; }
    public double Q2Dot { get; private set; }
    public double TargetX { get; private set; }
    public double TargetY { get; private set; }

    public (double X, double Y) Fingertip =>
        (Link1 * Math.Cos(Q1) + Link2 * Math.Cos(Q1 + Q2), Link1 * Math.Sin(Q1) + Link2 * Math.Sin(Q1 + Q2));

    public void SetState(double q1, double q2, double q1Dot, double q2Dot, double targetX, double targetY)
    {
        (Q1, Q2, Q1Dot, Q2Dot, TargetX, TargetY) = (q1, q2, q1Dot, q2Dot, targetX, targetY);
        ResumeEpisode();
    }

    protected override void ResetState(Common.Rng rng)
    {
        Q1 = rng.Uniform(-0.1, 0.1);
        Q2 = rng.Uniform(-0.1, 0.1);
        double tx, ty;
        do
        {
            tx = rng.Uniform(-TargetRadius, TargetRadius);
            ty = rng.Uniform(-TargetRadius, TargetRadius);
        } while (tx * tx + ty * ty >= TargetRadius * TargetRadius);
        TargetX = tx;
        TargetY = ty;
        Q1Dot = rng.Uniform(-0.005, 0.005);
        Q2Dot = rng.Uniform(-0.005, 0.005);
    }

    protected override double Advance(ReadOnlySpan<float> action, out bool terminated)
    {
        double a1 = Clip(action[0]), a2 = Clip(action[1]);
        // Manipulator constants for uniform rods (centre of mass at mid-length, inertia m l²/12 about it).
        const double lc1 = Link1 / 2, lc2 = Link2 / 2;
        const double i1 = LinkMass * Link1 * Link1 / 12, i2 = LinkMass * Link2 * Link2 / 12;
        const double alpha = i1 + i2 + LinkMass * lc1 * lc1 + LinkMass * (Link1 * Link1 + lc2 * lc2);
        const double beta = LinkMass * Link1 * lc2;
        const double delta = i2 + LinkMass * lc2 * lc2;
        double q1 = Q1, q2 = Q2, d1 = Q1Dot, d2 = Q2Dot;
        for (int s = 0; s < Substeps; s++)
        {
            double c2 = Math.Cos(q2), s2 = Math.Sin(q2);
            double m11 = alpha + 2 * beta * c2 + Armature, m12 = delta + beta * c2, m22 = delta + Armature;
            // Coriolis/centrifugal terms of the planar 2-link arm (no gravity: the arm lies on a table).
            double h1 = -beta * s2 * (2 * d1 * d2 + d2 * d2);
            double h2 = beta * s2 * d1 * d1;
            double t1 = Gear * a1 - Damping * d1 - h1;
            double t2 = Gear * a2 - Damping * d2 - h2;
            double det = m11 * m22 - m12 * m12;
            double dd1 = (m22 * t1 - m12 * t2) / det;
            double dd2 = (m11 * t2 - m12 * t1) / det;
            d1 += SubstepDt * dd1;
            d2 += SubstepDt * dd2;
            q1 += SubstepDt * d1;
            q2 += SubstepDt * d2;
        }
        (Q1, Q2, Q1Dot, Q2Dot) = (AngleMath.Wrap(q1), AngleMath.Wrap(q2), d1, d2);
        terminated = false;
        var (fx, fy) = Fingertip;
        double dx = fx - TargetX, dy = fy - TargetY;
        return -Math.Sqrt(dx * dx + dy * dy) - (a1 * a1 + a2 * a2);
    }

    protected override void WriteObservation(Span<float> observation)
    {
        var (fx, fy) = Fingertip;
        observation[0] = (float)Math.Cos(Q1);
        observation[1] = (float)Math.Cos(Q2);
        observation[2] = (float)Math.Sin(Q1);
        observation[3] = (float)Math.Sin(Q2);
        observation[4] = (float)TargetX;
        observation[5] = (float)TargetY;
        observation[6] = (float)Q1Dot;
        observation[7] = (float)Q2Dot;
        observation[8] = (float)(fx - TargetX);
        observation[9] = (float)(fy - TargetY);
    }
}
