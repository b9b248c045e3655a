using HpProxy.Core.Envs.Classic;

namespace HpProxy.Core.Envs.Demonstrators.Scripted;

/// <summary>
/// Collocated energy pumping for <see cref="Acrobot"/> (Spong, IEEE Control Systems 1995, §"energy-based
/// swing-up"; Xin &amp; Kaneda 2007): the elbow motor's power is τ·θ̇2, so τ = K_e (E* − E) θ̇2 raises the total
/// energy E towards E*, the energy of the upright rest position, and brakes once E exceeds it.
/// Imperfect by design and documented as such: with the 1 N m limit and Gym's 0.2 s step it pumps the chain
/// over the top repeatedly but never balances it; over 200 steps it earns ≈ 75 (mean tip height ≈ −0.5 link
/// lengths; 200 would be upright throughout; uniform random actions earn ≈ 3.4).
/// Mode 0 pumps proportionally (K_e = 0.1, tuned); mode 1 pumps bang-bang (full torque with the same sign),
/// a second action distribution with nearly the same return.
/// </summary>
public sealed class AcrobotSwingUp : IMultimodalDemonstrator
{
    private const double Ke = 0.1;  // tuned over {0.03, 0.1, 0.3, 1, 3}: returns 70.6–75.7, 0.1 the best
    private static readonly double TopEnergy = Acrobot.EnergyOf(Math.PI, 0, 0, 0);

    public string Name => "scripted";
    public int ModeCount => 2;
    public int Mode { get; set; }

    public void Reset(ulong episodeSeed) { }

    public void Act(ReadOnlySpan<float> observation, Span<float> action)
    {
        double t1 = Math.Atan2(observation[1], observation[0]);
        double t2 = Math.Atan2(observation[3], observation[2]);
        double d1 = observation[4], d2 = observation[5];
        double pump = (TopEnergy - Acrobot.EnergyOf(t1, t2, d1, d2)) * d2;
        // At rest the pump is zero: kick the elbow to start moving.
        if (Math.Abs(d1) < 1e-3 && Math.Abs(d2) < 1e-3) pump = 1;
        double tau = Mode == 0 ? Ke * pump : Acrobot.MaxTorque * Math.Sign(pump);
        action[0] = (float)Math.Clamp(tau / Acrobot.MaxTorque, -1, 1);
    }
}
