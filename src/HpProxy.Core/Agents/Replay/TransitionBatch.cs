namespace HpProxy.Core.Agents.Replay;

/// <summary>
/// A sampled batch of transitions, preallocated once and refilled by every sample (no allocation in the update
/// loop). Rows are raw observations as stored (with the absorbing indicator column when absorbing states are
/// on); networks normalise them themselves. There is no reward column: rewards are computed for the batch
/// when it is sampled, by an <see cref="Rewards.ITransitionReward"/>.
/// </summary>
public sealed class TransitionBatch
{
    public TransitionBatch(int capacity, int observationSize, int actionSize)
    {
        Capacity = capacity;
        ObservationSize = observationSize;
        ActionSize = actionSize;
        Observations = new float[capacity * observationSize];
        Actions = new float[capacity * actionSize];
        NextObservations = new float[capacity * observationSize];
        Terminated = new float[capacity];
        IsExpert = new bool[capacity];
        Stored = new float[capacity];
        Size = capacity;
    }

    public int Capacity { get; }
    public int ObservationSize { get; }
    public int ActionSize { get; }

    /// <summary>Number of valid rows (≤ <see cref="Capacity"/>).</summary>
    public int Size { get; set; }

    public float[] Observations { get; }
    public float[] Actions { get; }
    public float[] NextObservations { get; }

    /// <summary>1 when the transition ended in a true terminal state (no bootstrap), else 0. Truncation is 0:
    /// a time limit is not a property of the state, so the learner bootstraps through it.</summary>
    public float[] Terminated { get; }

    /// <summary>True for rows drawn from the demonstrations (SQIL's reward, expert mixing).</summary>
    public bool[] IsExpert { get; }

    /// <summary>A per-transition scalar written at collection time by rewards that are episodic by nature
    /// (PWIL's coupling depends on the episode's history); 0 otherwise.</summary>
    public float[] Stored { get; }

    public Span<float> Observation(int row) => Observations.AsSpan(row * ObservationSize, ObservationSize);
    public Span<float> Action(int row) => Actions.AsSpan(row * ActionSize, ActionSize);
    public Span<float> NextObservation(int row) => NextObservations.AsSpan(row * ObservationSize, ObservationSize);
}
