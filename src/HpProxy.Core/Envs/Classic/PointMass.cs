namespace HpProxy.Core.Envs.Classic;

/// <summary>
/// Two-dimensional point-mass navigation (in the spirit of DM Control's <c>point_mass</c>, with a random goal):
/// a 1 kg mass in the square arena [−1, 1]², force 2a N per axis, viscous damping 0.1 N s/m, semi-implicit Euler
/// at dt = 0.05 s; the walls stop the mass (the normal velocity component is zeroed). Start and goal are drawn
/// uniformly in [−0.9, 0.9]². Reward −‖p − g‖ − 0.01‖a‖² per step (ours), no termination, horizon 100 steps
/// (5 s; a bang-bang move across the diagonal takes ≈ 2.4 s). Observation [x, y, vx, vy, gx − x, gy − y].
/// </summary>
public sealed class PointMass : ClassicTask
{
    public const double Dt = 0.05;         // ours
    public const double MaxForce = 2.0;    // ours
    public const double Mass = 1.0;        // ours
    public const double Damping = 0.1;     // ours
    public const double Arena = 1.0;       // half-width of the square arena
    public const double SpawnHalfWidth = 0.9;

    public static readonly TaskInfo TaskInfo = new(
        "pointmass", "classic", ObservationSize: 6, ActionSize: 2, Horizon: 100, TerminatesEarly: false,
        "2-D point mass navigating to a random goal in [−1,1]²: reward −distance − 0.01‖a‖², 100 steps");

    public PointMass() : base(TaskInfo) { }

    public double X { get; private set; }
    public double Y { get; private set; }
    public double VX { get; private set; }
    public double VY { get; private set; }
    public double GoalX { get; private set; }
    public double GoalY { get; private set; }

    public void SetState(double x, double y, double vx, double vy, double goalX, double goalY)
    {
        (X, Y, VX, VY, GoalX, GoalY) = (x, y, vx, vy, goalX, goalY);
        ResumeEpisode();
    }

    protected override void ResetState(Common.Rng rng)
    {
        X = rng.Uniform(-SpawnHalfWidth, SpawnHalfWidth);
        Y = rng.Uniform(-SpawnHalfWidth, SpawnHalfWidth);
        VX = 0;
        VY = 0;
        GoalX = rng.Uniform(-SpawnHalfWidth, SpawnHalfWidth);
        GoalY = rng.Uniform(-SpawnHalfWidth, SpawnHalfWidth);
    }

    protected override double Advance(ReadOnlySpan<float> action, out bool terminated)
    {
        double ax = Clip(action[0]), ay = Clip(action[1]);
        double vx = VX + Dt * (MaxForce * ax - Damping * VX) / Mass;
        double vy = VY + Dt * (MaxForce * ay - Damping * VY) / Mass;
        double x = X + Dt * vx, y = Y + Dt * vy;
        if (x > Arena || x < -Arena) { x = Math.Clamp(x, -Arena, Arena); vx = 0; }
        if (y > Arena || y < -Arena) { y = Math.Clamp(y, -Arena, Arena); vy = 0; }
        (X, Y, VX, VY) = (x, y, vx, vy);
        terminated = false;
        double dx = GoalX - x, dy = GoalY - y;
        return -Math.Sqrt(dx * dx + dy * dy) - 0.01 * (ax * ax + ay * ay);
    }

    protected override void WriteObservation(Span<float> observation)
    {
        observation[0] = (float)X;
        observation[1] = (float)Y;
        observation[2] = (float)VX;
        observation[3] = (float)VY;
        observation[4] = (float)(GoalX - X);
        observation[5] = (float)(GoalY - Y);
    }
}
