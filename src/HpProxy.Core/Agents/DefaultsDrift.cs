using System.Globalization;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Agents;

/// <summary>A finished run as <see cref="DefaultsDrift"/> sees it: its algorithm, the hyperparameters its study file
/// set, and the resolved configuration its worker recorded (<see cref="IAlgorithm.Resolve"/> as canonical JSON; null
/// for runs finished before workers recorded it).</summary>
public sealed record TrainedConfiguration(string Algorithm, HyperparameterSet Given, string? RecordedJson);

/// <summary>One default that differs between the code that trained <paramref name="Runs"/> finished runs and this code.</summary>
public sealed record DefaultChange(string Algorithm, string Hyperparameter, HpValue Recorded, HpValue Current, int Runs);

/// <summary>Which finished runs were trained with other defaults than this code has, and which defaults.</summary>
/// <param name="Runs">Finished runs with at least one changed default (each counted once).</param>
/// <param name="Changes">The changed defaults, by algorithm and name.</param>
public sealed record DefaultsDriftReport(int Runs, IReadOnlyList<DefaultChange> Changes)
{
    public bool Any => Runs > 0;

    /// <summary>"fairl gradient_penalty 0 → 10 (12 runs); ..." — empty when nothing changed.</summary>
    public string Describe() => string.Join("; ", Changes.Select(c =>
        $"{c.Algorithm} {c.Hyperparameter} {c.Recorded} → {c.Current} ({c.Runs.ToString(CultureInfo.InvariantCulture)} run{(c.Runs == 1 ? "" : "s")})"));
}

/// <summary>
/// A run id hashes the hyperparameters the study file sets, not the defaults of the code that trains it (that keeps
/// ids stable across versions, and a study resumable). So when a default changes (FAIRL's gradient penalty went
/// from 0 to 10, decision 0010), re-planning the same study finds its finished runs "done" although this code would
/// train them differently, and a resumed study can mix the two. Workers record each run's resolved configuration;
/// this compares it with what this code resolves, so <c>run</c>, <c>resume</c> and the report can say so.
/// Hyperparameters present on one side only are not changes: a new hyperparameter's default keeps the old behaviour
/// by convention (e.g. TD3's <c>actor_preactivation_penalty</c>, 0).
/// </summary>
public static class DefaultsDrift
{
    public static DefaultsDriftReport Find(IEnumerable<TrainedConfiguration> runs, Func<string, IAlgorithm?> findAlgorithm) =>
        Summarize(runs.Select(r => ChangesOf(r, findAlgorithm)));

    /// <summary>The changed defaults of one run (each with <see cref="DefaultChange.Runs"/> = 1); empty when none, when
    /// the run has no record or when its algorithm is unknown. A finished run's record does not change, so a caller
    /// polling a study (the dashboard) judges each run once and sums with <see cref="Summarize"/>.</summary>
    public static IReadOnlyList<DefaultChange> ChangesOf(TrainedConfiguration run, Func<string, IAlgorithm?> findAlgorithm)
    {
        if (run.RecordedJson is null || findAlgorithm(run.Algorithm) is not { } algorithm) return [];
        var current = algorithm.Resolve(run.Given);
        var changes = new List<DefaultChange>();
        foreach (var (name, recorded) in RunSpecJson.DeserializeHyperparameters(run.RecordedJson))
        {
            if (current.TryGetValue(name, out var now) && now != recorded) changes.Add(new DefaultChange(run.Algorithm, name, recorded, now, 1));
        }
        return changes;
    }

    /// <summary>Per-run changes (from <see cref="ChangesOf"/>) summed: runs with any change, and each change's count.</summary>
    public static DefaultsDriftReport Summarize(IEnumerable<IReadOnlyList<DefaultChange>> perRun)
    {
        var counts = new Dictionary<(string Algorithm, string Name, HpValue Recorded, HpValue Current), int>();
        int affected = 0;
        foreach (var changes in perRun)
        {
            if (changes.Count == 0) continue;
            affected++;
            foreach (var c in changes)
            {
                var key = (c.Algorithm, c.Hyperparameter, c.Recorded, c.Current);
                counts[key] = counts.GetValueOrDefault(key) + c.Runs;
            }
        }
        var summed = counts
            .Select(kv => new DefaultChange(kv.Key.Algorithm, kv.Key.Name, kv.Key.Recorded, kv.Key.Current, kv.Value))
            .OrderBy(c => c.Algorithm, StringComparer.Ordinal)
            .ThenBy(c => c.Hyperparameter, StringComparer.Ordinal)
            .ThenBy(c => c.Recorded.ToString(), StringComparer.Ordinal)
            .ToArray();
        return new DefaultsDriftReport(affected, summed);
    }
}
