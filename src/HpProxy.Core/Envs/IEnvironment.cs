namespace HpProxy.Core.Envs;

/// <summary>
/// A task with its true reward. Implemented by the tasks; held by the run executor (which records the
/// oracle return for analysis only) and by demonstrators. Never passed to an agent or a proxy: they get an
/// <see cref="IRewardFreeEnvironment"/> instead.
/// </summary>
public interface IEnvironment
{
    TaskInfo Info { get; }

    void Reset(ulong seed, Span<float> observation);

    OracleStep Step(ReadOnlySpan<float> action, Span<float> nextObservation);
}

/// <summary>A step of the true task: its status and the true reward it earned.</summary>
public readonly record struct OracleStep(StepStatus Status, OracleReward Reward);

/// <summary>
/// The environment's true reward. A distinct type (not a bare double) so that a test can prove that no type
/// under <c>Agents</c> or <c>Proxies</c> ever touches it.
/// </summary>
public readonly record struct OracleReward(double Value);
