using System.Globalization;
using HpProxy.Core.Common;
using HpProxy.Core.Runs;

namespace HpProxy.Scheduling.Jobs;

/// <summary>
/// Work that only takes time: <see cref="Checkpoints"/> checkpoints, <see cref="Delay"/> apart, with made-up
/// numbers. It exercises the machinery (claims, leases, crashes, respawns, progress) without training anything,
/// for the scheduling tests and for trying a deployment. Selected by the environment variable
/// <see cref="EnvironmentVariable"/> = <c>&lt;checkpoints&gt;x&lt;milliseconds&gt;</c> (e.g. <c>3x500</c>); never by
/// default.
/// </summary>
public sealed class SyntheticRunWork(int checkpoints, TimeSpan delay) : IRunWork
{
    public const string EnvironmentVariable = "HPPROXY_SYNTHETIC_WORK";

    public int Checkpoints { get; } = checkpoints;

    public TimeSpan Delay { get; } = delay;

    /// <summary>The synthetic work the environment asks for, or null (the normal case).</summary>
    public static SyntheticRunWork? FromEnvironment()
    {
        string? text = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text)) return null;
        string[] parts = text.Split('x');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 1
            && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int ms) && ms >= 0)
        {
            return new SyntheticRunWork(n, TimeSpan.FromMilliseconds(ms));
        }
        throw new ArgumentException($"{EnvironmentVariable} must look like 3x500 (checkpoints x milliseconds), not '{text}'");
    }

    public RunWorkResult Execute(RunWorkContext context, Action<CheckpointResult> onCheckpoint, CancellationToken cancellationToken)
    {
        // A per-run "quality" in [0, 1) from the run id, so runs differ (an analysis of identical rows is degenerate)
        // and the same run always reports the same numbers.
        double quality = (StableHash.Fnv1a64(context.RunId) >> 11) * (1.0 / (1UL << 53));
        for (int i = 0; i < Checkpoints; i++)
        {
            cancellationToken.WaitHandle.WaitOne(Delay);
            cancellationToken.ThrowIfCancellationRequested();
            double progress = (double)(i + 1) / Checkpoints, score = quality * progress;
            var proxies = new Dictionary<string, double> { ["synthetic"] = score + 0.1 * Math.Sin(17 * quality + i) };
            onCheckpoint(new CheckpointResult(i, 1000L * (i + 1), 100 * score, score, proxies, (i + 1) * Delay.TotalSeconds));
        }
        return RunWorkResult.Success;
    }
}
