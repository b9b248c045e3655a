using HpProxy.Core.Envs;

namespace HpProxy.Core.Runs;

/// <summary>
/// The reward-free view handed to agents: forwards dynamics, drops the true reward on the floor.
/// Sealed and holding the task privately, so an agent only ever has an <see cref="IRewardFreeEnvironment"/>.
/// </summary>
public sealed class RewardFreeEnvironment(IEnvironment task) : IRewardFreeEnvironment
{
    public TaskInfo Info => task.Info;

    public void Reset(ulong seed, Span<float> observation) => task.Reset(seed, observation);

    public StepStatus Step(ReadOnlySpan<float> action, Span<float> nextObservation) =>
        task.Step(action, nextObservation).Status;
}
