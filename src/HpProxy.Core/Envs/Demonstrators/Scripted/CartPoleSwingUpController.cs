using HpProxy.Core.Envs.Classic;

namespace HpProxy.Core.Envs.Demonstrators.Scripted;

/// <summary>
/// Energy-pumping swing-up with LQR catch for <see cref="CartPoleSwingUp"/> (Åström &amp; Furuta 2000).
/// The pole's energy E = ½(4/3)m l² θ̇² + m g l (cos θ − 1) (0 upright at rest) changes with the cart
/// acceleration a as dE/dt = −m l θ̇ cos θ · a, so a = c·E·θ̇ cos θ (E &lt; 0) pumps it to 0. A weak PD term
/// keeps the cart near the centre. When cos θ &gt; cos 25° an LQR designed on the linearised task map takes over.
/// Mode picks the direction of the first push from rest (the task is mirror-symmetric).
/// </summary>
public sealed class CartPoleSwingUpController : IMultimodalDemonstrator
{
    private const double PumpGain = 30;        // tuned with the centring gains over a small grid: return 84–183 of 250; this is the best
    private const double TargetEnergy = 0.02;  // J, slightly above upright rest so the pole does reach the top
    private const double CenterKp = 8;        // tuned: cart-centring during the swing (N per m)
    private const double CenterKd = 6;        // tuned (N per m/s)
    private static readonly double CatchCos = Math.Cos(25 * Math.PI / 180);
    private static readonly double[] LqrGains = CartPoleLqr.Gains();

    public string Name => "scripted";
    public int ModeCount => 2;
    public int Mode { get; set; }

    public void Reset(ulong episodeSeed) { }

    public void Act(ReadOnlySpan<float> observation, Span<float> action)
    {
        double x = observation[0], xDot = observation[1], c = observation[2], s = observation[3], w = observation[4];
        double theta = Math.Atan2(s, c);
        double a;
        if (c > CatchCos)
        {
            a = -(LqrGains[0] * x + LqrGains[1] * xDot + LqrGains[2] * theta + LqrGains[3] * w);
        }
        else
        {
            const double m = CartPolePhysics.PoleMass, l = CartPolePhysics.HalfLength, g = CartPolePhysics.Gravity;
            double energy = 0.5 * (4.0 / 3.0) * m * l * l * w * w + m * g * l * (c - 1);
            double drive = w * c;
            if (Math.Abs(w) < 0.3 && c < -0.95) drive = Mode == 0 ? -1 : 1; // first push from near rest: the mode picks its side
            double acc = PumpGain * (energy - TargetEnergy) * Math.Sign(drive);
            double force = (CartPolePhysics.CartMass + m) * acc - CenterKp * x - CenterKd * xDot;
            a = force / CartPolePhysics.MaxForce;
        }
        action[0] = (float)Math.Clamp(a, -1, 1);
    }
}
