using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Agents.Replay;

/// <summary>
/// Absorbing states (Kostrikov et al. 2019, "Discriminator-Actor-Critic", §4.2). Observations get one extra
/// indicator column (0 for real states, 1 for the absorbing state s_a). A terminated episode's last transition
/// (s_T, a_T, s') is stored as (s_T, a_T, s_a) and followed by the self-loop (s_a, 0, s_a); both are
/// <em>non-terminal</em>, so the critic bootstraps through them and the value of ending an episode is the
/// learned reward of the absorbing state, summed to infinity (eq. 5 of the paper) — instead of the implicit 0
/// that masks create and that biases GAIL-style positive rewards toward survival and log D toward dying.
/// With absorbing states off, the transition is stored as terminal (and that bias is a property of the run).
/// </summary>
public sealed class AbsorbingStates
{
    private readonly float[] _obs;
    private readonly float[] _next;
    private readonly float[] _zeroAction;

    public AbsorbingStates(int observationSize, int actionSize, bool enabled)
    {
        RawObservationSize = observationSize;
        Enabled = enabled;
        StoredObservationSize = observationSize + (enabled ? 1 : 0);
        _obs = new float[StoredObservationSize];
        _next = new float[StoredObservationSize];
        _zeroAction = new float[actionSize];
    }

    public bool Enabled { get; }
    public int RawObservationSize { get; }

    /// <summary>Width of the stored observation rows (raw size, plus the indicator when enabled).</summary>
    public int StoredObservationSize { get; }

    /// <summary>True when a stored row is the absorbing state.</summary>
    public bool IsAbsorbing(ReadOnlySpan<float> storedObservation) => Enabled && storedObservation[RawObservationSize] > 0.5f;

    /// <summary>Copies a raw observation into a stored row (indicator 0).</summary>
    public void Augment(ReadOnlySpan<float> raw, Span<float> stored)
    {
        raw.CopyTo(stored);
        if (Enabled) stored[RawObservationSize] = 0f;
    }

    public void WriteAbsorbing(Span<float> stored)
    {
        stored.Clear();
        stored[RawObservationSize] = 1f;
    }

    /// <summary>Stores one environment transition (one or two rows) in <paramref name="buffer"/>.</summary>
    public void Store(ReplayBuffer buffer, ReadOnlySpan<float> observation, ReadOnlySpan<float> action,
        ReadOnlySpan<float> nextObservation, bool terminated, float stored = 0f)
    {
        if (!Enabled)
        {
            buffer.Add(observation, action, nextObservation, terminated, stored);
            return;
        }
        Augment(observation, _obs);
        if (terminated)
        {
            WriteAbsorbing(_next);
            buffer.Add(_obs, action, _next, terminated: false, stored);
            buffer.Add(_next, _zeroAction, _next, terminated: false, stored);
        }
        else
        {
            Augment(nextObservation, _next);
            buffer.Add(_obs, action, _next, terminated: false, stored);
        }
    }

    /// <summary>Stores every transition of the demonstrations (with absorbing rows after terminated episodes).</summary>
    public void StoreDemonstrations(ReplayBuffer buffer, IEnumerable<Trajectory> episodes, float stored = 0f)
    {
        foreach (var e in episodes)
        {
            for (int t = 0; t < e.Length; t++)
                Store(buffer, e.Observation(t), e.Action(t), e.Observation(t + 1), terminated: e.Terminated && t == e.Length - 1, stored);
        }
    }

    /// <summary>Rows a set of episodes occupies once stored.</summary>
    public int RowsFor(IEnumerable<Trajectory> episodes) =>
        episodes.Sum(e => e.Length + (Enabled && e.Terminated ? 1 : 0));

    /// <summary>Whether a task needs absorbing states at all: only tasks whose episodes can end early.</summary>
    public static bool Needed(TaskInfo task) => task.TerminatesEarly;
}
