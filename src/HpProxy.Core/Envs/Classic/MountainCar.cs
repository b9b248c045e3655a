namespace HpProxy.Core.Envs.Classic;

/// <summary>
/// Gym <c>MountainCarContinuous-v0</c> (Moore 1990): an under-powered car must rock back and forth to climb
/// the right hill. v' = clip(v + 0.0015·a − 0.0025·cos(3x), ±0.07), x' = clip(x + v', [−1.2, 0.6]), and a car
/// stopped by the left wall loses its leftward speed. <c>Terminated</c> when x ≥ 0.45 with v ≥ 0 (the goal);
/// reward −0.1·a² per step plus 100 on reaching the goal. Observation [x, v]. Reset x ~ U(−0.6, −0.4), v = 0.
/// Horizon 500 instead of Gym's 999: the scripted pumping controller reaches the goal in ≈ 100–150 steps,
/// and a shorter limit halves the cost of evaluating agents that never reach it.
/// </summary>
public sealed class MountainCar : ClassicTask
{
    public const double MinPosition = -1.2;  // Gym
    public const double MaxPosition = 0.6;   // Gym
    public const double MaxSpeed = 0.07;     // Gym
    public const double GoalPosition = 0.45; // Gym
    public const double GoalVelocity = 0.0;  // Gym
    public const double Power = 0.0015;      // Gym

    public static readonly TaskInfo TaskInfo = new(
        "mountaincar", "classic", ObservationSize: 2, ActionSize: 1, Horizon: 500, TerminatesEarly: true,
        "MountainCarContinuous-v0: rock the car up the right hill; +100 at the goal (ends the episode), −0.1a² per step, 500 steps");

    public MountainCar() : base(TaskInfo) { }

    public double Position { get; private set; }
    public double Velocity { get; private set; }

    public void SetState(double position, double velocity)
    {
        Position = position;
        Velocity = velocity;
        ResumeEpisode();
    }

    protected override void ResetState(Common.Rng rng)
    {
        Position = rng.Uniform(-0.6, -0.4);
        Velocity = 0;
    }

    protected override double Advance(ReadOnlySpan<float> action, out bool terminated)
    {
        double force = Clip(action[0]);
        double v = Velocity + force * Power - 0.0025 * Math.Cos(3 * Position);
        v = Math.Clamp(v, -MaxSpeed, MaxSpeed);
        double x = Math.Clamp(Position + v, MinPosition, MaxPosition);
        if (x == MinPosition && v < 0) v = 0;
        Position = x;
        Velocity = v;
        terminated = x >= GoalPosition && v >= GoalVelocity;
        double reward = -0.1 * force * force;
        if (terminated) reward += 100.0;
        return reward;
    }

    protected override void WriteObservation(Span<float> observation)
    {
        observation[0] = (float)Position;
        observation[1] = (float)Velocity;
    }
}
