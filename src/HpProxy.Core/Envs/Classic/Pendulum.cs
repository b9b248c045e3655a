namespace HpProxy.Core.Envs.Classic;

/// <summary>
/// Gym <c>Pendulum-v1</c>: swing a rod pendulum up and hold it upright with a torque-limited motor.
/// θ = 0 is upright. Dynamics (semi-implicit Euler, as in Gym):
/// θ̇' = clip(θ̇ + (3g/(2l)·sin θ + 3/(m l²)·u)·dt, ±8), θ' = θ + θ̇'·dt, with g = 10, m = 1, l = 1, dt = 0.05.
/// This is a uniform rod (inertia m l²/3), so its small-oscillation period about the hanging position is
/// 2π√(2l/(3g)). Action a ∈ [-1, 1] → torque u = 2a. Reward −(wrap(θ)² + 0.1 θ̇² + 0.001 u²).
/// Observation [cos θ, sin θ, θ̇]. Reset θ ~ U(−π, π), θ̇ ~ U(−1, 1). Horizon 200 (Gym's TimeLimit).
/// </summary>
public sealed class Pendulum : ClassicTask
{
    public const double Gravity = 10.0;   // Gym Pendulum-v1 default g
    public const double Mass = 1.0;       // Gym
    public const double Length = 1.0;     // Gym
    public const double Dt = 0.05;        // Gym
    public const double MaxTorque = 2.0;  // Gym
    public const double MaxSpeed = 8.0;   // Gym

    public static readonly TaskInfo TaskInfo = new(
        "pendulum", "classic", ObservationSize: 3, ActionSize: 1, Horizon: 200, TerminatesEarly: false,
        "Pendulum-v1 swing-up: torque-limited rod pendulum, reward −(θ² + 0.1θ̇² + 0.001u²), 200 steps");

    public Pendulum() : base(TaskInfo) { }

    public double Theta { get; private set; }
    public double ThetaDot { get; private set; }

    /// <summary>Mechanical energy per unit inertia (m l²/3): ½θ̇² + (3g/(2l))·cos θ; conserved without torque.</summary>
    public double Energy => 0.5 * ThetaDot * ThetaDot + 3 * Gravity / (2 * Length) * Math.Cos(Theta);

    /// <summary>Places the pendulum in a given state mid-episode (tests, benches).</summary>
    public void SetState(double theta, double thetaDot)
    {
        Theta = theta;
        ThetaDot = thetaDot;
        ResumeEpisode();
    }

    protected override void ResetState(Common.Rng rng)
    {
        Theta = rng.Uniform(-Math.PI, Math.PI);
        ThetaDot = rng.Uniform(-1, 1);
    }

    protected override double Advance(ReadOnlySpan<float> action, out bool terminated)
    {
        double u = MaxTorque * Clip(action[0]);
        double th = Theta, thdot = ThetaDot;
        double wrapped = AngleMath.Wrap(th);
        double cost = wrapped * wrapped + 0.1 * thdot * thdot + 0.001 * u * u;
        double newThdot = thdot + (3 * Gravity / (2 * Length) * Math.Sin(th) + 3.0 / (Mass * Length * Length) * u) * Dt;
        newThdot = Math.Clamp(newThdot, -MaxSpeed, MaxSpeed);
        Theta = th + newThdot * Dt;
        ThetaDot = newThdot;
        terminated = false;
        return -cost;
    }

    protected override void WriteObservation(Span<float> observation)
    {
        observation[0] = (float)Math.Cos(Theta);
        observation[1] = (float)Math.Sin(Theta);
        observation[2] = (float)ThetaDot;
    }
}
