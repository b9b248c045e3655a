namespace HpProxy.Core.Experts;

/// <summary>
/// The true reward of every transition the training environment produced, keyed by
/// <see cref="TransitionKey"/>. This is how the ground-truth sanity mode recomputes the reward of a replay
/// batch at sampling time without the agent seeing it, for every task family: the replay exposes no indices
/// and MuJoCo rewards depend on state (the x position) that is not in the observation, so a pure function of
/// the observed (s, a, s') does not exist for every task. The table lives outside Agents.
/// <para>Memory: one entry (≈ 24 bytes) per environment step ever taken; 10⁶ steps ≈ 24 MB.</para>
/// </summary>
public sealed class TrueRewardTable
{
    private readonly Dictionary<ulong, float> _rewards = new();

    public int Count => _rewards.Count;

    public void Record(ReadOnlySpan<float> observation, ReadOnlySpan<float> action, ReadOnlySpan<float> nextObservation, double reward) =>
        _rewards[TransitionKey.Of(observation, action, nextObservation)] = (float)reward;

    public bool TryGet(ReadOnlySpan<float> observation, ReadOnlySpan<float> action, ReadOnlySpan<float> nextObservation, out float reward) =>
        _rewards.TryGetValue(TransitionKey.Of(observation, action, nextObservation), out reward);
}
