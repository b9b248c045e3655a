using HpProxy.Core.Envs.Classic;

namespace HpProxy.Core.Envs.Demonstrators.Scripted;

/// <summary>
/// Inverse kinematics plus joint-space PD for <see cref="Reacher2D"/>. The target (x, y) in the observation
/// gives the joint angles q2* = ±acos((r² − l1² − l2²)/(2 l1 l2)) and q1* = atan2(y, x) − atan2(l2 sin q2*,
/// l1 + l2 cos q2*) (Spong, Hutchinson &amp; Vidyasagar, Robot Modeling and Control, §3.1); a PD law drives the
/// joints there. Mode picks the elbow (0: q2* ≥ 0, 1: q2* ≤ 0): two joint-space solutions of one task.
/// </summary>
public sealed class ReacherIk : IMultimodalDemonstrator
{
    private const double Kp = 0.3;   // tuned over {0.15, 0.2, 0.3, 0.5, 1, 2}: the ‖a‖² cost favours gentle gains (closed loop ω ≈ 5.5 rad/s)
    private const double Kd = 0.04;  // tuned: damping ratio ≈ 1.3 with the task's 10 /s joint damping

    public string Name => "scripted";
    public int ModeCount => 2;
    public int Mode { get; set; }

    public void Reset(ulong episodeSeed) { }

    public void Act(ReadOnlySpan<float> observation, Span<float> action)
    {
        double q1 = Math.Atan2(observation[2], observation[0]);
        double q2 = Math.Atan2(observation[3], observation[1]);
        double tx = observation[4], ty = observation[5];
        const double l1 = Reacher2D.Link1, l2 = Reacher2D.Link2;
        double r2 = tx * tx + ty * ty;
        double cos2 = Math.Clamp((r2 - l1 * l1 - l2 * l2) / (2 * l1 * l2), -1, 1);
        double q2Star = Math.Acos(cos2) * (Mode == 0 ? 1 : -1);
        double q1Star = Math.Atan2(ty, tx) - Math.Atan2(l2 * Math.Sin(q2Star), l1 + l2 * Math.Cos(q2Star));
        double e1 = AngleMath.Wrap(q1Star - q1), e2 = AngleMath.Wrap(q2Star - q2);
        action[0] = (float)Math.Clamp(Kp * e1 - Kd * observation[6], -1, 1);
        action[1] = (float)Math.Clamp(Kp * e2 - Kd * observation[7], -1, 1);
    }
}
