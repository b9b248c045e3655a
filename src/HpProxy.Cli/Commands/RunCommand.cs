using HpProxy.Cli.Parsing;
using HpProxy.Storage;
using HpProxy.Storage.Datasets;

namespace HpProxy.Cli.Commands;

/// <summary><c>hpproxy run &lt;study.yaml&gt;</c>: validate (every error at once, nothing written), plan, record the
/// runs and reference returns, then coordinate the study to its end and build the report.</summary>
internal static class RunCommand
{
    public static int Execute(ParsedCommand cmd, CliContext ctx)
    {
        string path = cmd.Positional(0);
        int workers = cmd.Int("workers", Environment.ProcessorCount, min: 0);
        var study = StudyFileLoading.LoadValid(ctx, path, "; nothing was run");
        if (study is null) return ExitCodes.BadInput;
        var location = CliContext.Locate(cmd, study.Name);
        using var store = ctx.Services.Stores.Open(location);
        store.Migrate();
        var previous = store.GetStudy();
        store.SaveStudy(study.Name, study.FileHash, study.FileText, ctx.Services.CodeVersion);
        int added = store.AddRuns(study.Runs);
        ctx.Out.WriteLine($"study {study.Name}: {study.Runs.Count} runs planned, {added} new, in {location.StudyDirectory}");
        if (previous is not null && previous.FileHash != study.FileHash)
        {
            // Runs are keyed by their spec, so an edit only adds runs; earlier runs stay and count in the report.
            ctx.Out.WriteLine($"note: the study file changed since it was last run; runs of earlier versions are kept ({store.GetProgress().Total} in total)");
        }
        if (previous is not null && RunDefaultsCheck.Warning(store.GetRuns()) is { } changedDefaults) ctx.Err.WriteLine(changedDefaults);
        foreach (var dataset in study.Datasets)
        {
            // The study folder keeps its own copy of every demonstration file, named by hash: workers (started later,
            // elsewhere, or after the original moved) read exactly the bytes the runs were planned with.
            DemonstrationFileStore.Stage(location.StudyDirectory, dataset.Sha256, dataset.Path);
        }
        foreach (var need in study.References)
        {
            if (store.GetReferences(need.Task, need.Demonstrations) is not null) continue;
            ctx.Out.WriteLine($"reference returns of {need.Task} / {need.Demonstrations}...");
            store.SaveReferences(need.Task, need.Demonstrations, need.Compute());
        }
        return StudyRunner.Coordinate(ctx, location, store, workers, buildReport: !cmd.Flag("no-report"));
    }
}
