using HpProxy.Core.Runs;
using HpProxy.Core.Studies;
using HpProxy.Storage;

namespace HpProxy.Cli.Wiring;

/// <summary>The product's front-end: <see cref="StudyLoader"/> (validation against the build's catalog), then
/// <see cref="StudyPlanner"/>; reference returns are measured with <see cref="ReferenceMeter"/> when first needed.</summary>
public sealed class CoreStudyFrontEnd(Func<IStudyCatalog> catalog, Func<RunServices> runServices) : IStudyFrontEnd
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
            loaded = StudyLoader.Load(path, text, catalog());
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
        return StudyLoad.Planned(new PlannedStudy(study.Name, study.FileHash, study.FileText, runs, references)) with { Warnings = loaded.Warnings };
    }
}
