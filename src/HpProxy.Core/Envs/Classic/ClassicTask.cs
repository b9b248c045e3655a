namespace HpProxy.Core.Envs.Classic;

/// <summary>
/// Shared bookkeeping of the pure-C# tasks: action-size checks and clipping to [-1, 1], the step counter,
/// truncation at the horizon (reported as <c>Truncated</c>, never as <c>Terminated</c>, SPEC.md §3) and the
/// refusal to step a finished episode. Subclasses hold the physics in doubles and write float observations.
/// <see cref="Step"/> allocates nothing; <see cref="Reset"/> allocates one <see cref="Common.Rng"/>.
/// A NaN action is not hidden: it propagates into the state so the run executor sees the divergence.
/// </summary>
public abstract class ClassicTask : IEnvironment
{
    private bool _over = true;

    protected ClassicTask(TaskInfo info) => Info = info;

    public TaskInfo Info { get; }

    /// <summary>Number of steps taken in the current episode.</summary>
    public int StepIndex { get; private set; }

    public void Reset(ulong seed, Span<float> observation)
    {
        CheckObservation(observation);
        StepIndex = 0;
        _over = false;
        ResetState(new Common.Rng(seed));
        WriteObservation(observation);
    }

    public OracleStep Step(ReadOnlySpan<float> action, Span<float> nextObservation)
    {
        if (_over) throw new InvalidOperationException($"{Info.Name}: Step called before Reset or after the episode ended");
        if (action.Length != Info.ActionSize) throw new ArgumentException($"{Info.Name}: expected {Info.ActionSize} action values, got {action.Length}", nameof(action));
        CheckObservation(nextObservation);
        double reward = Advance(action, out bool terminated);
        StepIndex++;
        bool truncated = !terminated && StepIndex >= Info.Horizon;
        _over = terminated || truncated;
        WriteObservation(nextObservation);
        return new OracleStep(new StepStatus(terminated, truncated), new OracleReward(reward));
    }

    /// <summary>Clips one action component to [-1, 1] (NaN stays NaN on purpose).</summary>
    protected static double Clip(float a) => a > 1f ? 1.0 : a < -1f ? -1.0 : a;

    protected abstract void ResetState(Common.Rng rng);

    /// <summary>Advances the physics by one control step and returns the true reward of that step.</summary>
    protected abstract double Advance(ReadOnlySpan<float> action, out bool terminated);

    protected abstract void WriteObservation(Span<float> observation);

    /// <summary>Lets a test or a bench place the system in a chosen state mid-episode.</summary>
    protected void ResumeEpisode()
    {
        _over = false;
    }

    private void CheckObservation(Span<float> observation)
    {
        if (observation.Length != Info.ObservationSize)
            throw new ArgumentException($"{Info.Name}: expected an observation buffer of {Info.ObservationSize}, got {observation.Length}", nameof(observation));
    }
}
