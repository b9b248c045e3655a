namespace HpProxy.Core.Envs.Classic;

/// <summary>
/// Gym <c>CartPole</c> balance with a continuous force: start near upright (all four state variables
/// ~ U(−0.05, 0.05), as Gym), reward +1 per step while alive, <c>Terminated</c> when |θ| &gt; 12° or
/// |x| &gt; 2.4 (Gym's thresholds). Action a ∈ [-1, 1] → force 10a N. Observation [x, ẋ, θ, θ̇].
/// Horizon 200: CartPole-v0's time limit (v1 uses 500); 200 keeps evaluation cheap and still separates a
/// balancing policy (return 200) from a random one (≈ 20).
/// </summary>
public sealed class CartPoleBalance : ClassicTask
{
    public const double ThetaThreshold = 12 * 2 * Math.PI / 360; // Gym, 12 degrees

    public static readonly TaskInfo TaskInfo = new(
        "cartpole-balance", "classic", ObservationSize: 4, ActionSize: 1, Horizon: 200, TerminatesEarly: true,
        "Cart-pole balance (Gym CartPole dynamics, continuous force ±10 N): +1 per step, ends when the pole falls past 12° or the cart leaves ±2.4 m, 200 steps");

    public CartPoleBalance() : base(TaskInfo) { }

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
        Theta = rng.Uniform(-0.05, 0.05);
        ThetaDot = rng.Uniform(-0.05, 0.05);
    }

    protected override double Advance(ReadOnlySpan<float> action, out bool terminated)
    {
        double x = X, xDot = XDot, theta = Theta, thetaDot = ThetaDot;
        CartPolePhysics.Step(ref x, ref xDot, ref theta, ref thetaDot, CartPolePhysics.MaxForce * Clip(action[0]));
        (X, XDot, Theta, ThetaDot) = (x, xDot, theta, thetaDot);
        // Gym gives the reward of the step that terminates too (1.0), then nothing.
        terminated = Math.Abs(x) > CartPolePhysics.TrackLimit || Math.Abs(theta) > ThetaThreshold || double.IsNaN(theta);
        return 1.0;
    }

    protected override void WriteObservation(Span<float> observation)
    {
        observation[0] = (float)X;
        observation[1] = (float)XDot;
        observation[2] = (float)Theta;
        observation[3] = (float)ThetaDot;
    }
}
