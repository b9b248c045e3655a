using HpProxy.Core.Agents;
using HpProxy.Core.Studies;

namespace HpProxy.Storage;

/// <summary>Stored runs through <see cref="DefaultsDrift"/>: which finished runs this code would train with other
/// defaults (the CLI's <c>run</c>, <c>resume</c>, <c>status</c>, <c>report</c> and <c>analyze</c> warn; the report's provenance says so).</summary>
public static class RunDefaultsCheck
{
    public static DefaultsDriftReport Find(IEnumerable<RunRecord> runs) =>
        DefaultsDrift.Summarize(runs.Where(r => r.ResolvedHyperparameters is not null).Select(ChangesOf));

    /// <summary>One run's changed defaults (empty when it has no record).</summary>
    public static IReadOnlyList<DefaultChange> ChangesOf(RunRecord run) => run.ResolvedHyperparameters is null
        ? []
        : DefaultsDrift.ChangesOf(
            new TrainedConfiguration(run.Algorithm, RunSpecJson.Deserialize(run.SpecJson).Hyperparameters, run.ResolvedHyperparameters),
            AlgorithmRegistry.Find);

    /// <summary>The warning the CLI prints (on standard error), or null when every recorded run matches this code's defaults.</summary>
    public static string? Warning(IEnumerable<RunRecord> runs) => Warning(Find(runs));

    public static string? Warning(DefaultsDriftReport report) => !report.Any
        ? null
        : $"warning: {report.Runs} finished run{(report.Runs == 1 ? " was" : "s were")} trained with other defaults than this code has: " +
          $"{report.Describe()}. {(report.Runs == 1 ? "It is" : "They are")} kept as recorded (a run id covers only what the study file sets); " +
          $"to train {(report.Runs == 1 ? "it" : "them")} with this code, run the study into a new --results folder.";
}
