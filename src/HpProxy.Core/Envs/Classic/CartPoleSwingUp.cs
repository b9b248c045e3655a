namespace HpProxy.Core.Envs.Classic;

/// <summary>
/// Cart-pole swing-up: Gym CartPole physics (<see cref="CartPolePhysics"/>) with the pole starting hanging
/// down (θ = π + U(−0.1, 0.1), x, ẋ, θ̇ ~ U(−0.05, 0.05)) and the smooth reward of DM Control's
/// <c>cartpole.swingup</c>: r = ((1 + cos θ)/2) · ((1 + tol(x, 2))/2) · ((4 + quad(a, 1))/5) · ((1 + tol(θ̇, 5))/2),
/// in [0, 1]. The track is bounded at ±2.4 m by inelastic end stops (the cart stops, the pole keeps its
/// angular velocity): no early termination, which keeps the task fixed-horizon. Action a ∈ [-1, 1] → force 10a N.
/// Observation [x, ẋ, cos θ, sin θ, θ̇] (DM Control's layout). Horizon 250 steps = 5 s, enough for the
/// scripted energy-pumping controller to swing up (≈ 2 s) and hold the pole for most of the episode.
/// </summary>
public sealed class CartPoleSwingUp : ClassicTask
{
    public static readonly TaskInfo TaskInfo = new(
        "cartpole-swingup", "classic", ObservationSize: 5, ActionSize: 1, Horizon: 250, TerminatesEarly: false,
        "Cart-pole swing-up (Gym CartPole dynamics, continuous force ±10 N, DM Control smooth reward in [0,1]), 250 steps");

    public CartPoleSwingUp() : base(TaskInfo) { }

    public double X { get; private set; }
    public double XDot { get; private set; }
    public double Theta { get; private set; }
    public double ThetaDot { get; private set; }

    public void SetState(double x, double xDot, double theta, double thetaDot)
    {
        (X, XDot, Theta, ThetaDot) = (x, xDot, theta, thetaDot);
        ResumeEpisode();
    }

    protected override void ResetState(Common.Rng rng)
    {
        X = rng.Uniform(-0.05, 0.05);
        XDot = rng.Uniform(-0.05, 0.05);
        Theta = Math.PI + rng.Uniform(-0.1, 0.1);
        ThetaDot = rng.Uniform(-0.05, 0.05);
    }

    protected override double Advance(ReadOnlySpan<float> action, out bool terminated)
    {
        double a = Clip(action[0]);
        double x = X, xDot = XDot, theta = Theta, thetaDot = ThetaDot;
        CartPolePhysics.Step(ref x, ref xDot, ref theta, ref thetaDot, CartPolePhysics.MaxForce * a);
        if (x > CartPolePhysics.TrackLimit || x < -CartPolePhysics.TrackLimit)
        {
            x = Math.Clamp(x, -CartPolePhysics.TrackLimit, CartPolePhysics.TrackLimit);
            xDot = 0;
        }
        theta = AngleMath.Wrap(theta);
        (X, XDot, Theta, ThetaDot) = (x, xDot, theta, thetaDot);
        terminated = false;
        double upright = (1 + Math.Cos(theta)) / 2;
        double centered = (1 + Tolerance.Gaussian(x, 2)) / 2;
        double smallControl = (4 + Tolerance.Quadratic(a, 1)) / 5;
        double smallVelocity = (1 + Tolerance.Gaussian(thetaDot, 5)) / 2;
        return upright * centered * smallControl * smallVelocity;
    }

    protected override void WriteObservation(Span<float> observation)
    {
        observation[0] = (float)X;
        observation[1] = (float)XDot;
        observation[2] = (float)Math.Cos(Theta);
        observation[3] = (float)Math.Sin(Theta);
        observation[4] = (float)ThetaDot;
    }
}
