using HpProxy.Core.Common;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Studies;

/// <summary>
/// Turns a <see cref="StudyDefinition"/> into runs with stable ids. A run id hashes only the run's own spec, so:
/// re-planning the same file gives the same ids; adding an algorithm, a task, a demonstration set, samples or seeds
/// only adds runs; changing what a run does (budget, checkpoints, evaluation episodes, proxies, a demonstration
/// set's definition, the study seed) changes the ids of the runs it affects.
/// <para>Seeds derived here (all from the study seed, by name, with <see cref="SeedStreams"/>):</para>
/// <list type="bullet">
/// <item>configuration i of algorithm a: see <see cref="ConfigurationSampler"/> (shared across tasks and demo sets);</item>
/// <item><see cref="DemoSpec.Seed"/>: <c>SeedStreams(seed).Child("demonstrations").Child(task).SeedFor(set name)</c> (for a
/// set read from a file it orders the file's episodes before the train/validation split);</item>
/// <item><see cref="EvaluationSpec.Seed"/>: <c>SeedStreams(seed).SeedFor("evaluation")</c>, one for the whole study so every
/// run and checkpoint is evaluated on the same episodes (the proxies and the oracle compare like with like);</item>
/// <item><see cref="RunSpec.Seed"/> is the index first_seed..first_seed+seeds-1 (first_seed defaults to 0). The executor derives the run's root seed from the run id
/// (<see cref="Runs.RunExecutor.RootSeed"/>: the id's 64 bits), so it depends on the whole spec.</item>
/// </list>
/// </summary>
public static class StudyPlanner
{
    public static StudyPlan Plan(StudyDefinition study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var streams = new SeedStreams(study.Seed);
        var evaluation = new EvaluationSpec(study.EvaluationEpisodes, streams.SeedFor("evaluation"));
        // Proxies are sorted by name so that reordering them in the file does not change run ids.
        var proxies = study.Proxies.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

        var configurations = study.Algorithms.ToDictionary(a => a.Name, a => Configurations(study.Seed, a));
        var demonstrations = new List<PlannedDemonstrations>();
        var runs = new List<PlannedRunSpec>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in study.Tasks)
        {
            foreach (var set in study.Demonstrations)
            {
                // A set read from files covers only the tasks it has a file for.
                DemoFileDefinition? file = null;
                if (set.Files is { } files && !files.TryGetValue(task, out file)) continue;
                var demo = new DemoSpec(
                    set.Name,
                    set.DemonstratorByTask[task],
                    set.Regime,
                    set.Parameters,
                    set.TrainEpisodes,
                    set.ValidationEpisodes,
                    streams.Child("demonstrations").Child(task).SeedFor(set.Name))
                {
                    File = file is null ? null : new DemoFileSpec(file.Sha256, file.ReferenceReturn),
                    DemonstratorVersion = file is null ? set.DemonstratorVersionByTask.GetValueOrDefault(task) : null,
                };
                demonstrations.Add(new PlannedDemonstrations(task, demo));
                foreach (var algorithm in study.Algorithms)
                {
                    foreach (var (config, fixedConfiguration) in configurations[algorithm.Name])
                    {
                        if (fixedConfiguration is not null && !fixedConfiguration.AppliesTo(task, set.Name)) continue;
                        for (int seed = study.FirstSeed; seed < study.FirstSeed + study.Seeds; seed++)
                        {
                            var spec = new RunSpec(task, demo, algorithm.Name, config.Id, config.Hyperparameters, seed,
                                algorithm.Budget, study.Checkpoints, evaluation, proxies);
                            string json = RunSpecJson.Serialize(spec);
                            string id = RunSpecJson.RunIdOfJson(json);
                            if (!ids.Add(id))
                                throw new InvalidOperationException($"run id collision {id} (task {task}, {set.Name}, {algorithm.Name}, {config.Id}, seed {seed})");
                            runs.Add(new PlannedRunSpec(id, spec, json, task, set.Name, algorithm.Name, config.Id, config.Index, seed));
                        }
                    }
                }
            }
        }
        var distinct = study.Algorithms.SelectMany(a => configurations[a.Name].Select(c => c.Configuration).DistinctBy(c => c.Id, StringComparer.Ordinal));
        return new StudyPlan(study, runs, [.. distinct], demonstrations);
    }

    /// <summary>An algorithm's configurations: its fixed ones (index = position in the list; the validator
    /// guarantees that entries with the same values cover disjoint groups), or the distinct draws of its space.</summary>
    private static List<(Configuration Configuration, FixedConfiguration? Fixed)> Configurations(ulong seed, AlgorithmDefinition algorithm)
    {
        if (algorithm.Configurations is { } fixedConfigurations)
        {
            return [.. fixedConfigurations.Select((c, i) => (new Configuration(algorithm.Name, i,
                ConfigurationSampler.ConfigurationId(algorithm.Name, c.Hyperparameters), c.Hyperparameters), (FixedConfiguration?)c))];
        }
        return [.. Distinct(seed, algorithm).Select(c => (c, (FixedConfiguration?)null))];
    }

    /// <summary>The distinct configurations among the first <c>samples</c> draws, keeping the first index of each
    /// (a discrete space can repeat a configuration; running it twice would only duplicate seeds).</summary>
    private static List<Configuration> Distinct(ulong seed, AlgorithmDefinition algorithm)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. ConfigurationSampler.SampleFirst(seed, algorithm.Name, algorithm.Space, algorithm.Samples).Where(c => seen.Add(c.Id))];
    }
}
