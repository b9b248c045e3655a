using HpProxy.Core.Envs;

namespace HpProxy.Core.Experts;

/// <summary>
/// The reward-free view the sanity-mode learner trains on: it forwards the task's dynamics and, on the side,
/// writes each step's true reward into a <see cref="TrueRewardTable"/> under the key of (s, a, s') with the
/// action exactly as the learner passed it (which is what the replay stores).
/// </summary>
public sealed class RewardRecordingEnvironment : IRewardFreeEnvironment
{
    private readonly IEnvironment _task;
    private readonly TrueRewardTable _table;
    private readonly float[] _observation;

    public RewardRecordingEnvironment(IEnvironment task, TrueRewardTable table)
    {
        _task = task;
        _table = table;
        _observation = new float[task.Info.ObservationSize];
    }

    public TaskInfo Info => _task.Info;

    public void Reset(ulong seed, Span<float> observation)
    {
        _task.Reset(seed, observation);
        observation.CopyTo(_observation);
    }

    public StepStatus Step(ReadOnlySpan<float> action, Span<float> nextObservation)
    {
        var step = _task.Step(action, nextObservation);
        _table.Record(_observation, action, nextObservation, step.Reward.Value);
        nextObservation.CopyTo(_observation);
        return step.Status;
    }
}
