namespace HpProxy.Core.Envs.Demonstrators.Scripted;

/// <summary>
/// Energy pumping for <see cref="Classic.MountainCar"/>: push in the direction of motion, a = sign(v), so the
/// engine always adds mechanical energy (its power a·v is positive) until the car clears the right hill; a
/// saturated push is near-optimal because the goal bonus (100) dwarfs the action cost (0.1a² per step).
/// From rest the mode chooses the first push: mode 0 backs up the left slope first (the usual solution),
/// mode 1 first drives right and pumps from the rebound — two genuinely different demonstrations.
/// </summary>
public sealed class MountainCarPump : IMultimodalDemonstrator
{
    private const double RestSpeed = 1e-4;

    public string Name => "scripted";
    public int ModeCount => 2;
    public int Mode { get; set; }

    public void Reset(ulong episodeSeed) { }

    public void Act(ReadOnlySpan<float> observation, Span<float> action)
    {
        double v = observation[1];
        action[0] = Math.Abs(v) < RestSpeed ? (Mode == 0 ? -1f : 1f) : v > 0 ? 1f : -1f;
    }
}
