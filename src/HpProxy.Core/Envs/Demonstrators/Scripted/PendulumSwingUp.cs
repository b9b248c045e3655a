using HpProxy.Core.Envs.Classic;

namespace HpProxy.Core.Envs.Demonstrators.Scripted;

/// <summary>
/// Energy-shaping swing-up plus PD balance for <see cref="Pendulum"/> (Åström &amp; Furuta, Automatica 2000).
/// With θ̈ = k sin θ + b u (k = 3g/2l, b = 3/ml²) the energy E = ½θ̇² + k cos θ obeys dĖ = b u θ̇, so
/// u = c (E* − E) θ̇ pumps it towards the upright value E* = k. Near the top (cos θ &gt; 0.85) a PD law with
/// closed-loop θ̈ + 3K_d θ̇ + (3K_p − k)θ = 0 holds the pendulum. Mode 0 pumps proportionally; mode 1 pumps
/// bang-bang (full torque in the pumping direction), a second, visibly different action distribution.
/// </summary>
public sealed class PendulumSwingUp : IMultimodalDemonstrator
{
    private const double K = 3 * Pendulum.Gravity / (2 * Pendulum.Length);
    private const double PumpGain = 0.5;   // tuned: saturates the 2 N m motor far from the target energy
    private const double Kp = 10.0;        // closed-loop stiffness 3·10 − 15 = 15 (ω ≈ 3.9 rad/s)
    private const double Kd = 2.0;         // damping ratio ≈ 0.8
    private const double BalanceCos = 0.85;

    public string Name => "scripted";
    public int ModeCount => 2;
    public int Mode { get; set; }

    public void Reset(ulong episodeSeed) { }

    public void Act(ReadOnlySpan<float> observation, Span<float> action)
    {
        double c = observation[0], s = observation[1], w = observation[2];
        double theta = Math.Atan2(s, c);
        double u;
        if (c > BalanceCos)
        {
            u = -(Kp * theta + Kd * w);
        }
        else
        {
            double energyGap = K - (0.5 * w * w + K * c);
            double pump = energyGap * w;
            // At rest at the bottom the pump is zero: kick to start the swing.
            if (Math.Abs(w) < 1e-3 && c < -0.99) pump = 1;
            u = Mode == 0 ? PumpGain * pump : Pendulum.MaxTorque * Math.Sign(pump);
        }
        action[0] = (float)Math.Clamp(u / Pendulum.MaxTorque, -1, 1);
    }
}
