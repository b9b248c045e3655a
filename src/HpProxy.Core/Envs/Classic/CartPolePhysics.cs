namespace HpProxy.Core.Envs.Classic;

/// <summary>
/// Cart-pole dynamics of Gym <c>CartPole</c> (Barto, Sutton &amp; Anderson 1983, with the corrected equations of
/// Florian 2007 as coded in Gym): θ = 0 is upright, the pole is a uniform rod of half-length l pivoting on the
/// cart. With F the horizontal force,
/// tmp = (F + m_p l θ̇² sin θ)/(m_c + m_p), θ̈ = (g sin θ − cos θ·tmp)/(l(4/3 − m_p cos²θ/(m_c + m_p))),
/// ẍ = tmp − m_p l θ̈ cos θ/(m_c + m_p). Integrated with Gym's "semi-implicit Euler" option (velocities first),
/// which keeps the pole's energy bounded during long swing-ups, at Gym's τ = 0.02 s.
/// </summary>
public static class CartPolePhysics
{
    public const double Gravity = 9.8;     // Gym CartPole
    public const double CartMass = 1.0;    // Gym
    public const double PoleMass = 0.1;    // Gym
    public const double HalfLength = 0.5;  // Gym ("actually half the pole's length")
    public const double MaxForce = 10.0;   // Gym force_mag, here the bound of a continuous force
    public const double Tau = 0.02;        // Gym
    public const double TrackLimit = 2.4;  // Gym x_threshold

    private const double TotalMass = CartMass + PoleMass;
    private const double PoleMassLength = PoleMass * HalfLength;

    /// <summary>Accelerations (ẍ, θ̈) for the state and the force.</summary>
    public static (double XAcc, double ThetaAcc) Accelerations(double theta, double thetaDot, double force)
    {
        double sin = Math.Sin(theta), cos = Math.Cos(theta);
        double temp = (force + PoleMassLength * thetaDot * thetaDot * sin) / TotalMass;
        double thetaAcc = (Gravity * sin - cos * temp) / (HalfLength * (4.0 / 3.0 - PoleMass * cos * cos / TotalMass));
        double xAcc = temp - PoleMassLength * thetaAcc * cos / TotalMass;
        return (xAcc, thetaAcc);
    }

    /// <summary>One semi-implicit Euler step of length <see cref="Tau"/> in place.</summary>
    public static void Step(ref double x, ref double xDot, ref double theta, ref double thetaDot, double force)
    {
        var (xAcc, thetaAcc) = Accelerations(theta, thetaDot, force);
        xDot += Tau * xAcc;
        x += Tau * xDot;
        thetaDot += Tau * thetaAcc;
        theta += Tau * thetaDot;
    }
}
