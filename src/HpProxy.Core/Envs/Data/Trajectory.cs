namespace HpProxy.Core.Envs.Data;

/// <summary>
/// One reward-free episode: T+1 observations and T actions, stored flat and row-major.
/// Observation t is <c>Observations[t*ObservationSize .. (t+1)*ObservationSize)</c>; action t was taken at
/// observation t and led to observation t+1. <see cref="Terminated"/> tells whether the final observation is a
/// true terminal state (no bootstrapping) rather than a time-limit truncation.
/// This is what agents and proxies see of demonstrations and evaluation rollouts: no rewards.
/// </summary>
public sealed class Trajectory
{
    public Trajectory(int observationSize, int actionSize, float[] observations, float[] actions, bool terminated)
    {
        if (observationSize <= 0 || actionSize <= 0) throw new ArgumentOutOfRangeException(nameof(observationSize));
        if (observations.Length % observationSize != 0) throw new ArgumentException("observations length is not a multiple of the observation size", nameof(observations));
        if (actions.Length % actionSize != 0) throw new ArgumentException("actions length is not a multiple of the action size", nameof(actions));
        int steps = actions.Length / actionSize;
        if (observations.Length / observationSize != steps + 1) throw new ArgumentException($"expected {steps + 1} observations for {steps} actions", nameof(observations));
        ObservationSize = observationSize;
        ActionSize = actionSize;
        Observations = observations;
        Actions = actions;
        Terminated = terminated;
    }

    public int ObservationSize { get; }
    public int ActionSize { get; }
    public float[] Observations { get; }
    public float[] Actions { get; }
    public bool Terminated { get; }

    /// <summary>Number of transitions T.</summary>
    public int Length => Actions.Length / ActionSize;

    public ReadOnlySpan<float> Observation(int t) => Observations.AsSpan(t * ObservationSize, ObservationSize);

    public ReadOnlySpan<float> Action(int t) => Actions.AsSpan(t * ActionSize, ActionSize);
}
