namespace HpProxy.Core.Envs.Data;

/// <summary>
/// One demonstration episode in the RLDS episode/step convention (Ramos et al. 2021, arXiv 2111.02767;
/// SPEC.md §3), rewards included. It has T+1 steps: step t holds observation o_t, the action a_t taken there,
/// the reward r_t it earned and the discount; step T holds the final observation and its action/reward are
/// unused (zero). <c>is_first</c> is step 0, <c>is_last</c> step T, <c>is_terminal</c> step T of a terminated
/// episode; <c>is_last &amp;&amp; !is_terminal</c> means truncated. Discounts are 1 except 0 at a terminal step.
/// Rewards are typed <see cref="OracleReward"/>: this type belongs to demonstration generation, storage and
/// analysis, never to agents or proxies, which get <see cref="ToTrajectory"/> (rewards stripped).
/// </summary>
public sealed class RecordedEpisode
{
    public RecordedEpisode(EpisodeMetadata metadata, int observationSize, int actionSize,
        float[] observations, float[] actions, OracleReward[] rewards, bool terminated)
    {
        if (observationSize <= 0 || actionSize <= 0) throw new ArgumentOutOfRangeException(nameof(observationSize));
        if (observations.Length % observationSize != 0 || observations.Length == 0)
            throw new ArgumentException("observations length must be a positive multiple of the observation size", nameof(observations));
        int steps = observations.Length / observationSize;
        if (actions.Length != steps * actionSize) throw new ArgumentException($"expected {steps} action rows (T+1, last unused)", nameof(actions));
        if (rewards.Length != steps) throw new ArgumentException($"expected {steps} rewards (T+1, last unused)", nameof(rewards));
        Metadata = metadata;
        ObservationSize = observationSize;
        ActionSize = actionSize;
        Observations = observations;
        Actions = actions;
        Rewards = rewards;
        Terminated = terminated;
    }

    public EpisodeMetadata Metadata { get; }
    public int ObservationSize { get; }
    public int ActionSize { get; }

    /// <summary>(T+1) × observation size, row-major.</summary>
    public float[] Observations { get; }

    /// <summary>(T+1) × action size, row-major; the last row is unused (zero).</summary>
    public float[] Actions { get; }

    /// <summary>T+1 rewards; the last is unused (zero).</summary>
    public OracleReward[] Rewards { get; }

    /// <summary>True when the final step is a true terminal state; false for a time-limit truncation.</summary>
    public bool Terminated { get; }

    /// <summary>Number of transitions T (steps − 1).</summary>
    public int Length => Rewards.Length - 1;

    public int StepCount => Rewards.Length;

    public bool IsFirst(int step) => step == 0;

    public bool IsLast(int step) => step == Length;

    public bool IsTerminal(int step) => step == Length && Terminated;

    /// <summary>RLDS discount of a step: 0 at a terminal step, 1 otherwise.</summary>
    public float Discount(int step) => IsTerminal(step) ? 0f : 1f;

    /// <summary>Undiscounted return Σ_{t&lt;T} r_t.</summary>
    public double Return()
    {
        double sum = 0;
        for (int t = 0; t < Length; t++) sum += Rewards[t].Value;
        return sum;
    }

    public ReadOnlySpan<float> Observation(int step) => Observations.AsSpan(step * ObservationSize, ObservationSize);

    public ReadOnlySpan<float> Action(int step) => Actions.AsSpan(step * ActionSize, ActionSize);

    /// <summary>Step t in RLDS form (t in [0, T]).</summary>
    public RecordedStep Step(int t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(t, Length);
        return new RecordedStep(
            Observations.AsMemory(t * ObservationSize, ObservationSize),
            Actions.AsMemory(t * ActionSize, ActionSize),
            Rewards[t], Discount(t), IsFirst(t), IsLast(t), IsTerminal(t));
    }

    /// <summary>All T+1 steps in order.</summary>
    public IEnumerable<RecordedStep> Steps()
    {
        for (int t = 0; t <= Length; t++) yield return Step(t);
    }

    /// <summary>The reward-free view: all T+1 observations, the first T actions, the termination flag.</summary>
    public Trajectory ToTrajectory() =>
        new(ObservationSize, ActionSize, (float[])Observations.Clone(), Actions.AsSpan(0, Length * ActionSize).ToArray(), Terminated);
}

/// <summary>RLDS episode metadata: where a demonstration came from.</summary>
/// <param name="Task">Task name.</param>
/// <param name="Demonstrator">Demonstrator name including its regime (e.g. "scripted:human-like").</param>
/// <param name="Index">Position of the episode in its generated set.</param>
/// <param name="EnvironmentSeed">Seed given to <see cref="IEnvironment.Reset"/>.</param>
/// <param name="DemonstratorSeed">Seed given to <see cref="IDemonstrator.Reset"/>.</param>
public sealed record EpisodeMetadata(string Task, string Demonstrator, int Index, ulong EnvironmentSeed, ulong DemonstratorSeed);
