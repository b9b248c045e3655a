namespace HpProxy.Core.Envs.Demonstrators.Scripted;

/// <summary>LQR balance for <see cref="Classic.CartPoleBalance"/>: u = −K[x, ẋ, θ, θ̇], K from the task's linearised map.</summary>
public sealed class CartPoleBalanceController : IMultimodalDemonstrator
{
    private static readonly double[] K = CartPoleLqr.Gains();

    public string Name => "scripted";
    public int ModeCount => 1;
    public int Mode { get; set; }

    public void Reset(ulong episodeSeed) { }

    public void Act(ReadOnlySpan<float> observation, Span<float> action)
    {
        double u = -(K[0] * observation[0] + K[1] * observation[1] + K[2] * observation[2] + K[3] * observation[3]);
        action[0] = (float)Math.Clamp(u, -1, 1);
    }
}
