namespace HpProxy.Core.Envs.Demonstrators.Scripted;

/// <summary>
/// PD control to the goal for <see cref="Classic.PointMass"/>: a = clip(K_p·(g − p) − K_d·v). Mode 0 goes
/// straight; mode 1 moves along x first and only then along y (a "Manhattan" route) — same goal, different
/// states and actions.
/// </summary>
public sealed class PointMassPd : IMultimodalDemonstrator
{
    private const double Kp = 3.0;        // tuned: with force 2a, ω = √6 ≈ 2.4 rad/s
    private const double Kd = 2.0;        // tuned: damping ratio ≈ 0.8 with the 2 N force gain
    private const double AxisDone = 0.05; // mode 1 switches to y once within 5 cm along x

    public string Name => "scripted";
    public int ModeCount => 2;
    public int Mode { get; set; }

    public void Reset(ulong episodeSeed) { }

    public void Act(ReadOnlySpan<float> observation, Span<float> action)
    {
        double vx = observation[2], vy = observation[3], dx = observation[4], dy = observation[5];
        if (Mode == 1 && Math.Abs(dx) > AxisDone) dy = 0;
        action[0] = (float)Math.Clamp(Kp * dx - Kd * vx, -1, 1);
        action[1] = (float)Math.Clamp(Kp * dy - Kd * vy, -1, 1);
    }
}
