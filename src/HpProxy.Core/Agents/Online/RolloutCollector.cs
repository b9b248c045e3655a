using HpProxy.Core.Common;
using HpProxy.Core.Envs;

namespace HpProxy.Core.Agents.Online;

/// <summary>
/// Steps a reward-free training environment one transition at a time, resetting it on termination or
/// truncation with episode seeds drawn from its own stream. It exposes the transition just made
/// (<see cref="Observation"/> → <see cref="NextObservation"/>) and which flag ended the episode, so the
/// caller can store termination (no bootstrap) and ignore truncation (bootstrap).
/// </summary>
public sealed class RolloutCollector
{
    private readonly IRewardFreeEnvironment _environment;
    private readonly Rng _episodeSeeds;
    private float[] _observation;
    private float[] _next;

    public RolloutCollector(IRewardFreeEnvironment environment, Rng episodeSeeds)
    {
        _environment = environment;
        _episodeSeeds = episodeSeeds;
        _observation = new float[environment.Info.ObservationSize];
        _next = new float[environment.Info.ObservationSize];
        NeedsReset = true;
    }

    /// <summary>True before the first step and after an episode ended.</summary>
    public bool NeedsReset { get; private set; }

    public int EpisodeStep { get; private set; }

    public long EpisodesStarted { get; private set; }

    /// <summary>The current observation (the one to act on).</summary>
    public ReadOnlySpan<float> Observation => _observation;

    /// <summary>After <see cref="Step"/>: the observation the last action led to (the final one if the episode ended).</summary>
    public ReadOnlySpan<float> NextObservation => _next;

    public void Reset()
    {
        _environment.Reset(_episodeSeeds.NextUInt64(), _observation);
        NeedsReset = false;
        EpisodeStep = 0;
        EpisodesStarted++;
    }

    /// <summary>Applies <paramref name="action"/>; afterwards <see cref="NextObservation"/> holds s'.
    /// Call <see cref="Advance"/> once the transition has been stored.</summary>
    public StepStatus Step(ReadOnlySpan<float> action)
    {
        if (NeedsReset) throw new InvalidOperationException("call Reset before Step");
        var status = _environment.Step(action, _next);
        EpisodeStep++;
        // A time limit the environment failed to report is still a time limit.
        if (!status.EpisodeOver && EpisodeStep >= _environment.Info.Horizon) status = status with { Truncated = true };
        NeedsReset = status.EpisodeOver;
        return status;
    }

    /// <summary>Makes s' the current observation.</summary>
    public void Advance() => (_observation, _next) = (_next, _observation);
}
