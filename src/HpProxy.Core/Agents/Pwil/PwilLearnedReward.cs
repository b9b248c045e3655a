namespace HpProxy.Core.Agents.Pwil;

/// <summary>
/// The PWIL reward as an <see cref="ILearnedReward"/> for the imitation-return proxy. It is episodic (the coupling
/// consumes expert mass), so it must know where episodes start. Callers may say so with <see cref="BeginEpisode"/>
/// (<see cref="IEpisodicReward"/>); otherwise the view detects it: within an episode each step's observation is the
/// previous step's next observation, so a step that does not continue the last one starts a new episode, as does
/// a step after <see cref="PwilReward.Horizon"/> steps. Uses its own coupling state, independent of training.
/// </summary>
public sealed class PwilLearnedReward(PwilReward reward) : ILearnedReward, IEpisodicReward
{
    private readonly float[] _lastNext = new float[reward.ObservationSize];
    private int _steps;

    public void BeginEpisode()
    {
        reward.BeginEpisode();
        _steps = 0;
    }

    public double Reward(ReadOnlySpan<float> observation, ReadOnlySpan<float> action, ReadOnlySpan<float> nextObservation)
    {
        if (_steps == reward.Horizon || (_steps > 0 && !observation.SequenceEqual(_lastNext))) BeginEpisode();
        _steps++;
        nextObservation.CopyTo(_lastNext);
        return reward.Step(observation, action);
    }
}
