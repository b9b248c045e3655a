using HpProxy.Core.Runs;
using HpProxy.Scheduling.Jobs;

namespace HpProxy.Scheduling.Tests.Fakes;

/// <summary>Fake run work from a delegate; counts how often it ran, per run.</summary>
public sealed class DelegateWork(Func<RunWorkContext, Action<CheckpointResult>, CancellationToken, RunWorkResult> body) : IRunWork
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _calls = [];

    public int Calls(string runId)
    {
        lock (_gate) return _calls.GetValueOrDefault(runId);
    }

    public int TotalCalls
    {
        get { lock (_gate) return _calls.Values.Sum(); }
    }

    public RunWorkResult Execute(RunWorkContext context, Action<CheckpointResult> onCheckpoint, CancellationToken cancellationToken)
    {
        lock (_gate) _calls[context.RunId] = _calls.GetValueOrDefault(context.RunId) + 1;
        return body(context, onCheckpoint, cancellationToken);
    }

    public static CheckpointResult Checkpoint(int index) =>
        new(index, (index + 1) * 100, 10.0 * index, 0.1 * index, new Dictionary<string, double> { ["action_mse"] = 1.0 / (index + 1) }, index);

    /// <summary>Reports <paramref name="checkpoints"/> checkpoints and succeeds.</summary>
    public static DelegateWork Succeeding(int checkpoints = 3) => new((_, report, _) =>
    {
        for (int i = 0; i < checkpoints; i++) report(Checkpoint(i));
        return RunWorkResult.Success;
    });
}
