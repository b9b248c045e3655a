namespace HpProxy.Core.Envs.Data;

/// <summary>A reward-free set of demonstration episodes (the train or the validation part of a demo set).</summary>
public sealed class DemonstrationSet
{
    public DemonstrationSet(string name, int observationSize, int actionSize, IReadOnlyList<Trajectory> episodes)
    {
        foreach (var e in episodes)
        {
            if (e.ObservationSize != observationSize || e.ActionSize != actionSize)
                throw new ArgumentException("episode sizes differ from the set's sizes", nameof(episodes));
        }
        Name = name;
        ObservationSize = observationSize;
        ActionSize = actionSize;
        Episodes = episodes;
        TransitionCount = episodes.Sum(e => e.Length);
    }

    public string Name { get; }
    public int ObservationSize { get; }
    public int ActionSize { get; }
    public IReadOnlyList<Trajectory> Episodes { get; }
    public int TransitionCount { get; }

    /// <summary>All (s, a) pairs, flattened: states [N × obs], actions [N × act].</summary>
    public (float[] States, float[] Actions) StateActionPairs()
    {
        var states = new float[TransitionCount * ObservationSize];
        var actions = new float[TransitionCount * ActionSize];
        int row = 0;
        foreach (var e in Episodes)
        {
            e.Observations.AsSpan(0, e.Length * ObservationSize).CopyTo(states.AsSpan(row * ObservationSize));
            e.Actions.AsSpan().CopyTo(actions.AsSpan(row * ActionSize));
            row += e.Length;
        }
        return (states, actions);
    }

    /// <summary>Every observation of every episode, including each episode's final one: [M × obs].</summary>
    public float[] AllStates()
    {
        int count = Episodes.Sum(e => e.Length + 1);
        var states = new float[count * ObservationSize];
        int offset = 0;
        foreach (var e in Episodes)
        {
            e.Observations.CopyTo(states, offset);
            offset += e.Observations.Length;
        }
        return states;
    }
}
