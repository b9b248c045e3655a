namespace HpProxy.Core.Envs.Classic;

/// <summary>
/// Acrobot (Sutton 1996; Gym <c>Acrobot-v1</c> "book" dynamics, RK4 over dt = 0.2 s): two links hanging from a
/// fixed pivot, torque only at the elbow. θ1 = θ2 = 0 hangs straight down. Links: l = 1 m, m = 1 kg, centre of
/// mass at 0.5 m, inertia about the centre 1 kg m², g = 9.8; velocities clipped to ±4π and ±9π as in Gym.
/// Here the torque is continuous, a ∈ [-1, 1] → τ = a N m (Gym's discrete set is {−1, 0, 1}), and the reward
/// is a smooth swing-up reward instead of Gym's −1-until-goal: r = (h + 2)/4 ∈ [0, 1], where
/// h = −cos θ1 − cos(θ1 + θ2) is the tip height in link lengths (no termination: fixed horizon).
/// Observation [cos θ1, sin θ1, cos θ2, sin θ2, θ̇1, θ̇2] (Gym). Reset: all four ~ U(−0.1, 0.1) (Gym).
/// Horizon 200 steps = 40 s (Gym uses 500): enough for the scripted energy pump to reach the top.
/// </summary>
public sealed class Acrobot : ClassicTask
{
    public const double Dt = 0.2;            // Gym
    public const double LinkLength1 = 1.0;   // Gym
    public const double LinkMass1 = 1.0;     // Gym
    public const double LinkMass2 = 1.0;     // Gym
    public const double LinkCom1 = 0.5;      // Gym
    public const double LinkCom2 = 0.5;      // Gym
    public const double LinkMoi = 1.0;       // Gym, inertia about each link's centre
    public const double Gravity = 9.8;       // Gym
    public const double MaxVel1 = 4 * Math.PI; // Gym
    public const double MaxVel2 = 9 * Math.PI; // Gym
    public const double MaxTorque = 1.0;     // Gym's torque magnitude

    public static readonly TaskInfo TaskInfo = new(
        "acrobot", "classic", ObservationSize: 6, ActionSize: 1, Horizon: 200, TerminatesEarly: false,
        "Acrobot swing-up (Gym Acrobot-v1 dynamics, continuous elbow torque ±1 N m), reward = normalised tip height in [0,1], 200 steps");

    public Acrobot() : base(TaskInfo) { }

    public double Theta1 { get; private set; }
    public double Theta2 { get; private set; }
    public double Theta1Dot { get; private set; }
    public double Theta2Dot { get; private set; }

    /// <summary>Total mechanical energy ½ q̇ᵀM(q)q̇ + V(q), V = 0 at the pivot height; conserved without torque.</summary>
    public double Energy => EnergyOf(Theta1, Theta2, Theta1Dot, Theta2Dot);

    public static double EnergyOf(double t1, double t2, double d1, double d2)
    {
        const double m1 = LinkMass1, m2 = LinkMass2, l1 = LinkLength1, lc1 = LinkCom1, lc2 = LinkCom2, i1 = LinkMoi, i2 = LinkMoi;
        double c2 = Math.Cos(t2);
        double m11 = m1 * lc1 * lc1 + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * c2) + i1 + i2;
        double m12 = m2 * (lc2 * lc2 + l1 * lc2 * c2) + i2;
        double m22 = m2 * lc2 * lc2 + i2;
        double kinetic = 0.5 * (m11 * d1 * d1 + 2 * m12 * d1 * d2 + m22 * d2 * d2);
        double potential = -Gravity * ((m1 * lc1 + m2 * l1) * Math.Cos(t1) + m2 * lc2 * Math.Cos(t1 + t2));
        return kinetic + potential;
    }

    public void SetState(double theta1, double theta2, double theta1Dot, double theta2Dot)
    {
        (Theta1, Theta2, Theta1Dot, Theta2Dot) = (theta1, theta2, theta1Dot, theta2Dot);
        ResumeEpisode();
    }

    protected override void ResetState(Common.Rng rng)
    {
        Theta1 = rng.Uniform(-0.1, 0.1);
        Theta2 = rng.Uniform(-0.1, 0.1);
        Theta1Dot = rng.Uniform(-0.1, 0.1);
        Theta2Dot = rng.Uniform(-0.1, 0.1);
    }

    protected override double Advance(ReadOnlySpan<float> action, out bool terminated)
    {
        double torque = MaxTorque * Clip(action[0]);
        double s0 = Theta1, s1 = Theta2, s2 = Theta1Dot, s3 = Theta2Dot;
        // Classic RK4 over one dt, as Gym's rk4(_dsdt, s, [0, dt]).
        Derivatives(s0, s1, s2, s3, torque, out double k1a, out double k1b, out double k1c, out double k1d);
        double h = Dt / 2;
        Derivatives(s0 + h * k1a, s1 + h * k1b, s2 + h * k1c, s3 + h * k1d, torque, out double k2a, out double k2b, out double k2c, out double k2d);
        Derivatives(s0 + h * k2a, s1 + h * k2b, s2 + h * k2c, s3 + h * k2d, torque, out double k3a, out double k3b, out double k3c, out double k3d);
        Derivatives(s0 + Dt * k3a, s1 + Dt * k3b, s2 + Dt * k3c, s3 + Dt * k3d, torque, out double k4a, out double k4b, out double k4c, out double k4d);
        double w = Dt / 6;
        s0 += w * (k1a + 2 * k2a + 2 * k3a + k4a);
        s1 += w * (k1b + 2 * k2b + 2 * k3b + k4b);
        s2 += w * (k1c + 2 * k2c + 2 * k3c + k4c);
        s3 += w * (k1d + 2 * k2d + 2 * k3d + k4d);
        Theta1 = AngleMath.Wrap(s0);
        Theta2 = AngleMath.Wrap(s1);
        Theta1Dot = Math.Clamp(s2, -MaxVel1, MaxVel1);
        Theta2Dot = Math.Clamp(s3, -MaxVel2, MaxVel2);
        terminated = false;
        double height = -Math.Cos(Theta1) - Math.Cos(Theta1 + Theta2);
        return (height + 2) / 4;
    }

    /// <summary>Gym's <c>_dsdt</c> ("book" variant): time derivative of (θ1, θ2, θ̇1, θ̇2) under elbow torque a.</summary>
    public static void Derivatives(double theta1, double theta2, double dtheta1, double dtheta2, double a,
        out double dt1, out double dt2, out double ddt1, out double ddt2)
    {
        const double m1 = LinkMass1, m2 = LinkMass2, l1 = LinkLength1, lc1 = LinkCom1, lc2 = LinkCom2, i1 = LinkMoi, i2 = LinkMoi, g = Gravity;
        double sin2 = Math.Sin(theta2), cos2 = Math.Cos(theta2);
        double d1 = m1 * lc1 * lc1 + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * cos2) + i1 + i2;
        double d2 = m2 * (lc2 * lc2 + l1 * lc2 * cos2) + i2;
        double phi2 = m2 * lc2 * g * Math.Cos(theta1 + theta2 - Math.PI / 2);
        double phi1 = -m2 * l1 * lc2 * dtheta2 * dtheta2 * sin2
                      - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * sin2
                      + (m1 * lc1 + m2 * l1) * g * Math.Cos(theta1 - Math.PI / 2) + phi2;
        ddt2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * dtheta1 * dtheta1 * sin2 - phi2) / (m2 * lc2 * lc2 + i2 - d2 * d2 / d1);
        ddt1 = -(d2 * ddt2 + phi1) / d1;
        dt1 = dtheta1;
        dt2 = dtheta2;
    }

    protected override void WriteObservation(Span<float> observation)
    {
        observation[0] = (float)Math.Cos(Theta1);
        observation[1] = (float)Math.Sin(Theta1);
        observation[2] = (float)Math.Cos(Theta2);
        observation[3] = (float)Math.Sin(Theta2);
        observation[4] = (float)Theta1Dot;
        observation[5] = (float)Theta2Dot;
    }
}
