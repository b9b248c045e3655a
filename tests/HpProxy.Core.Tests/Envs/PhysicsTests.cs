using HpProxy.Core.Envs.Classic;

namespace HpProxy.Core.Tests.Envs;

public class PhysicsTests
{
    private static readonly float[] Zero1 = [0f];

    [Fact]
    public void Pendulum_without_torque_keeps_its_energy_bounded()
    {
        // Semi-implicit Euler is symplectic: the energy oscillates by O(dt) but does not drift.
        var env = new Pendulum();
        var obs = new float[3];
        env.Reset(1, obs);
        env.SetState(theta: 2.0, thetaDot: 0.0);
        double e0 = env.Energy;
        double maxDev = 0;
        for (int t = 0; t < 180; t++)
        {
            env.Step(Zero1, obs);
            maxDev = Math.Max(maxDev, Math.Abs(env.Energy - e0));
        }
        // Energy scale: 2k = 30 between bottom and top. The bound fails for explicit Euler (which gains energy every step).
        Assert.True(maxDev < 0.03 * 30, $"energy deviation {maxDev}");
        Assert.True(Math.Abs(env.Energy - e0) < 0.03 * 30);
    }

    [Fact]
    public void Pendulum_small_angle_period_matches_the_rod_formula()
    {
        // Uniform rod about its end: T = 2π√(I/(m g d)) = 2π√((l²/3)/(g l/2)) = 2π√(2l/(3g)).
        double expected = 2 * Math.PI * Math.Sqrt(2 * Pendulum.Length / (3 * Pendulum.Gravity));
        var env = new Pendulum();
        var obs = new float[3];
        env.Reset(1, obs);
        env.SetState(Math.PI + 0.05, 0);   // hanging, displaced by 0.05 rad
        var crossings = new List<double>();
        double prev = AngleFromBottom(env.Theta);
        for (int t = 1; t < 200; t++)
        {
            env.Step(Zero1, obs);
            double cur = AngleFromBottom(env.Theta);
            if (prev > 0 && cur <= 0) crossings.Add((t - 1 + prev / (prev - cur)) * Pendulum.Dt); // linear interpolation
            prev = cur;
        }
        Assert.True(crossings.Count >= 4);
        double period = (crossings[^1] - crossings[0]) / (crossings.Count - 1);
        Assert.InRange(period, expected * 0.98, expected * 1.02);
        // And it is not the point-mass pendulum's 2π√(l/g):
        Assert.True(Math.Abs(period - 2 * Math.PI * Math.Sqrt(Pendulum.Length / Pendulum.Gravity)) > 0.2);
    }

    private static double AngleFromBottom(double theta) => Math.IEEERemainder(theta - Math.PI, 2 * Math.PI);

    [Fact]
    public void Pendulum_reward_is_zero_upright_at_rest_and_negative_elsewhere()
    {
        var env = new Pendulum();
        var obs = new float[3];
        env.Reset(1, obs);
        env.SetState(0, 0);
        Assert.Equal(0.0, env.Step(Zero1, obs).Reward.Value, 12);
        env.SetState(Math.PI, 0);
        // −(π² + 0 + 0.001·(2·0.5)²) with a = 0.5 → u = 1
        Assert.Equal(-(Math.PI * Math.PI + 0.001), env.Step([0.5f], obs).Reward.Value, 9);
    }

    [Fact]
    public void Acrobot_without_torque_conserves_energy()
    {
        var env = new Acrobot();
        var obs = new float[6];
        env.Reset(1, obs);
        env.SetState(1.0, -0.5, 0.0, 0.0);
        double e0 = env.Energy;
        for (int t = 0; t < 100; t++) env.Step(Zero1, obs);
        // RK4 at dt = 0.2 loses a little energy; a wrong sign in any term of the dynamics breaks this by far more.
        double scale = Acrobot.EnergyOf(Math.PI, 0, 0, 0) - Acrobot.EnergyOf(0, 0, 0, 0); // 39.2 J
        Assert.True(Math.Abs(env.Energy - e0) < 0.02 * scale, $"E0 {e0}, E {env.Energy}");
    }

    [Fact]
    public void Acrobot_torque_changes_energy_at_the_rate_of_its_power()
    {
        // dE/dt = τ·θ̇2: check over one step from a moving state.
        var env = new Acrobot();
        var obs = new float[6];
        env.Reset(1, obs);
        env.SetState(0.3, 0.2, 0.5, 1.0);
        double e0 = env.Energy;
        env.Step([1f], obs);
        double eTorque = env.Energy;
        env.SetState(0.3, 0.2, 0.5, 1.0);
        env.Step(Zero1, obs);
        double eFree = env.Energy;
        Assert.True(eTorque - eFree > 0.05, $"torque along θ̇2 must add energy: {eTorque} vs {eFree} (start {e0})");
    }

    [Fact]
    public void CartPole_hanging_at_rest_stays_at_rest_and_upright_falls()
    {
        var env = new CartPoleSwingUp();
        var obs = new float[5];
        env.Reset(1, obs);
        env.SetState(0, 0, Math.PI, 0);
        for (int t = 0; t < 50; t++) env.Step(Zero1, obs);
        Assert.Equal(Math.PI, Math.Abs(env.Theta), 9);
        env.SetState(0, 0, 0.01, 0);
        for (int t = 0; t < 100; t++) env.Step(Zero1, obs);
        Assert.True(Math.Cos(env.Theta) < 0.5);
    }

    [Fact]
    public void MountainCar_cannot_climb_by_pushing_right_only()
    {
        var env = new MountainCar();
        var obs = new float[2];
        env.Reset(3, obs);
        bool reached = false;
        for (int t = 0; t < 400 && !reached; t++) reached = env.Step([1f], obs).Status.Terminated;
        Assert.False(reached);
    }
}
