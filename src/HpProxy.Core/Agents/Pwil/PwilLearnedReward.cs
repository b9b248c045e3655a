namespace HpProxy.Core.Agents.Pwil;

/// <summary>
/// The PWIL reward as an <see cref="ILearnedReward"/> for the imitation-return proxy. It is episodic: callers
/// should call <see cref="BeginEpisode"/> before each rollout (<see cref="IEpisodicReward"/>); as a safety net it
/// also starts a new episode by itself after <see cref="PwilReward.Horizon"/> steps. The next observation is
/// not used (PWIL rewards (s, a) or s). Uses its own coupling state, independent of training.
/// </summary>
public sealed class PwilLearnedReward(PwilReward reward) : ILearnedReward, IEpisodicReward
{
    private int _steps;

    public void BeginEpisode()
    {
        reward.BeginEpisode();
        _steps = 0;
    }

    public double Reward(ReadOnlySpan<float> observation, ReadOnlySpan<float> action, ReadOnlySpan<float> nextObservation)
    {
        if (_steps == reward.Horizon) BeginEpisode();
        _steps++;
        return reward.Step(observation, action);
    }
}
