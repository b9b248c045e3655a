namespace HpProxy.Core.Agents.Replay;

/// <summary>
/// A circular replay buffer in flat arrays: observation, action, next observation, terminated flag, and an
/// optional per-transition scalar (<see cref="TransitionBatch.Stored"/>). It stores no environment reward —
/// there is none — and no truncation flag: truncated transitions are stored as non-terminal (bootstrap through
/// time limits, never through termination).
/// </summary>
public sealed class ReplayBuffer
{
    private readonly float[] _observations;
    private readonly float[] _actions;
    private readonly float[] _nextObservations;
    private readonly float[] _terminated;
    private readonly float[] _stored;
    private int _next;

    public ReplayBuffer(int capacity, int observationSize, int actionSize, bool isExpert = false)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity));
        Capacity = capacity;
        ObservationSize = observationSize;
        ActionSize = actionSize;
        IsExpert = isExpert;
        _observations = new float[capacity * observationSize];
        _actions = new float[capacity * actionSize];
        _nextObservations = new float[capacity * observationSize];
        _terminated = new float[capacity];
        _stored = new float[capacity];
    }

    public int Capacity { get; }
    public int ObservationSize { get; }
    public int ActionSize { get; }

    /// <summary>Rows sampled from this buffer are flagged <see cref="TransitionBatch.IsExpert"/>.</summary>
    public bool IsExpert { get; }

    public int Count { get; private set; }

    public void Add(ReadOnlySpan<float> observation, ReadOnlySpan<float> action, ReadOnlySpan<float> nextObservation, bool terminated, float stored = 0f)
    {
        int i = _next;
        observation.CopyTo(_observations.AsSpan(i * ObservationSize, ObservationSize));
        action.CopyTo(_actions.AsSpan(i * ActionSize, ActionSize));
        nextObservation.CopyTo(_nextObservations.AsSpan(i * ObservationSize, ObservationSize));
        _terminated[i] = terminated ? 1f : 0f;
        _stored[i] = stored;
        _next = (_next + 1) % Capacity;
        if (Count < Capacity) Count++;
    }

    public ReadOnlySpan<float> Observation(int i) => _observations.AsSpan(i * ObservationSize, ObservationSize);
    public ReadOnlySpan<float> Action(int i) => _actions.AsSpan(i * ActionSize, ActionSize);
    public ReadOnlySpan<float> NextObservation(int i) => _nextObservations.AsSpan(i * ObservationSize, ObservationSize);
    public bool IsTerminal(int i) => _terminated[i] != 0f;
    public float StoredValue(int i) => _stored[i];

    /// <summary>Fills rows [<paramref name="start"/>, <paramref name="start"/>+<paramref name="count"/>) of the
    /// batch with transitions drawn uniformly with replacement.</summary>
    public void SampleInto(TransitionBatch batch, int start, int count, Common.Rng rng)
    {
        if (Count == 0) throw new InvalidOperationException("cannot sample from an empty replay buffer");
        if (batch.ObservationSize != ObservationSize || batch.ActionSize != ActionSize)
            throw new ArgumentException("batch sizes differ from the buffer's sizes", nameof(batch));
        for (int r = start; r < start + count; r++)
        {
            int i = rng.NextInt(Count);
            CopyRow(i, batch, r);
        }
    }

    /// <summary>Copies transition <paramref name="i"/> into row <paramref name="row"/> of the batch.</summary>
    public void CopyRow(int i, TransitionBatch batch, int row)
    {
        Observation(i).CopyTo(batch.Observation(row));
        Action(i).CopyTo(batch.Action(row));
        NextObservation(i).CopyTo(batch.NextObservation(row));
        batch.Terminated[row] = _terminated[i];
        batch.Stored[row] = _stored[i];
        batch.IsExpert[row] = IsExpert;
    }
}
