using HpProxy.Core.Runs;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;
using HpProxy.Storage;

namespace HpProxy.Cli.Wiring;

/// <summary>The product's front-end: <see cref="StudyLoader"/> (validation against the build's catalog), then
/// <see cref="StudyPlanner"/>; reference returns are measured with <see cref="ReferenceMeter"/> when first needed.</summary>
public sealed class CoreStudyFrontEnd(Func<IStudyCatalog> catalog, Func<RunServices> runServices,
    Func<StudyDemonstrationFiles>? files = null) : IStudyFrontEnd
{
    public StudyLoad Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return StudyLoad.Failed([new StudyError(path, 1, 1, "", "cannot read the file: " + e.Message)]);
        }
        StudyLoadResult loaded;
        try
        {
            loaded = files is null
                ? StudyLoader.Load(path, text, new LazyCatalog(catalog))
                : StudyLoader.Load(path, text, new LazyCatalog(catalog), files());
        }
        catch (Exception e) when (e is not NotAvailableException)
        {
            // The loader reports YAML syntax errors itself; this is a last resort for a parser that throws
            // something else (YamlDotNet does on some unterminated flow collections): still bad input, not a crash.
            return StudyLoad.Failed([new StudyError(path, 1, 1, "", "cannot parse the study file (YAML syntax?): " + e.Message)]);
        }
        if (!loaded.IsValid) return StudyLoad.Failed(loaded.Errors) with { Warnings = loaded.Warnings };
        var plan = StudyPlanner.Plan(loaded.Study!);
        var study = plan.Study;
        var runs = plan.Runs.Select(r => new PlannedRun(r.RunId, r.Task, r.Demonstrations, r.Algorithm, r.ConfigId, r.Seed, r.SpecJson)).ToList();
        var references = plan.Demonstrations
            .Select(d => new ReferenceNeed(d.Task, d.Spec.Name, () => ReferenceMeter.Measure(runServices(), d.Task, d.Spec)))
            .ToList();
        var datasets = study.Demonstrations
            .SelectMany(d => d.Files?.Values ?? [])
            .Select(f => new DatasetFile(f.Sha256, f.Path))
            .DistinctBy(f => f.Sha256)
            .ToList();
        var planned = new PlannedStudy(study.Name, study.FileHash, study.FileText, runs, references) { Datasets = datasets };
        return StudyLoad.Planned(planned) with { Warnings = loaded.Warnings };
    }

    /// <summary>Builds the catalog only when the validator first asks (a YAML syntax error needs none, and building
    /// it may load every task provider).</summary>
    private sealed class LazyCatalog(Func<IStudyCatalog> create) : IStudyCatalog
    {
        private readonly Lazy<IStudyCatalog> _c = new(create);

        public bool HasTask(string task) => _c.Value.HasTask(task);

        public IReadOnlyList<string> TaskNames => _c.Value.TaskNames;

        public IReadOnlyList<string> DemonstratorsFor(string task) => _c.Value.DemonstratorsFor(task);

        public string? DemonstratorVersion(string task, string demonstrator) => _c.Value.DemonstratorVersion(task, demonstrator);

        public IReadOnlyList<string> ValidateRegime(string regime, HyperparameterSet parameters) => _c.Value.ValidateRegime(regime, parameters);

        public IReadOnlyList<string> AlgorithmNames => _c.Value.AlgorithmNames;

        public IReadOnlyList<string> HyperparameterNames(string algorithm) => _c.Value.HyperparameterNames(algorithm);

        public IReadOnlyList<string> ValidateHyperparameters(string algorithm, HyperparameterSet hyperparameters) =>
            _c.Value.ValidateHyperparameters(algorithm, hyperparameters);

        public IReadOnlyList<string> ProxyNames => _c.Value.ProxyNames;

        public IReadOnlyList<string> ValidateProxySettings(string proxy, HyperparameterSet settings) => _c.Value.ValidateProxySettings(proxy, settings);
    }
}
