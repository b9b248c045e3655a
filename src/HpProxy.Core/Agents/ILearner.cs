namespace HpProxy.Core.Agents;

/// <summary>
/// One agent being trained. The run executor calls <see cref="TrainUntil"/> up to each checkpoint, then
/// evaluates <see cref="Policy"/>. Steps are in the algorithm's unit (gradient steps for offline algorithms
/// such as BC, environment steps for online ones).
/// A learner that diverges throws <see cref="DivergenceException"/> with its reason; the run is recorded as failed.
/// </summary>
public interface ILearner
{
    IPolicy Policy { get; }

    long StepsDone { get; }

    void TrainUntil(long step, CancellationToken cancellationToken);

    /// <summary>Training-state signals that proxies may read at a checkpoint (e.g. "bc_validation_loss",
    /// "discriminator_accuracy", "discriminator_entropy"). Empty when the algorithm has none.</summary>
    IReadOnlyDictionary<string, double> Diagnostics { get; }

    /// <summary>The reward the agent learned (discriminator, PWIL), for the imitation-return proxy; null if none.</summary>
    ILearnedReward? LearnedReward { get; }
}

/// <summary>A reward learned from demonstrations: r(s, a, s') on raw observations.</summary>
public interface ILearnedReward
{
    double Reward(ReadOnlySpan<float> observation, ReadOnlySpan<float> action, ReadOnlySpan<float> nextObservation);
}
