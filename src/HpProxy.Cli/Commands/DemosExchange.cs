using System.Globalization;
using System.Text.Json;
using HpProxy.Cli.Parsing;
using HpProxy.Cli.Wiring;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Studies;
using HpProxy.Scheduling.Catalog;
using HpProxy.Storage.Datasets;

namespace HpProxy.Cli.Commands;

/// <summary>
/// <c>demos export</c> and <c>demos import</c>: moving demonstration sets between a study and Parquet RLDS files a
/// Python user reads and writes without our code (layout in the top-level README).
/// </summary>
internal static class DemosExchange
{
    /// <summary><c>hpproxy demos export &lt;study&gt; [--task T] [--demonstrations NAME] --out DIR</c>. The study is a study
    /// file (<c>*.yaml</c>: its plan) or the name of a planned study under the results folder (the specs its runs were
    /// recorded with). Each (task, demonstration set) becomes <c>DIR/&lt;task&gt;-&lt;set&gt;-train.parquet</c> and
    /// <c>-validation.parquet</c>, holding exactly the episodes runs learn from and validate on, with rewards.</summary>
    public static int Export(ParsedCommand cmd, CliContext ctx)
    {
        if (cmd.Positionals.Count < 2) throw new UsageException("demos export needs a study (a study file or a planned study's name)", cmd.Name);
        string study = cmd.Positional(1);
        string output = cmd.Value("out") ?? throw new UsageException("demos export needs --out DIR", cmd.Name);
        var catalog = ProductCatalog.Default;
        var sets = LooksLikeStudyFile(study) ? FromStudyFile(ctx, study) : FromStudyDatabase(cmd, ctx, study, catalog);
        if (sets is null) return ExitCodes.BadInput;

        string? task = cmd.Value("task"), name = cmd.Value("demonstrations");
        var chosen = sets.Where(s => (task is null || s.Task == task) && (name is null || s.Spec.Name == name)).ToList();
        if (chosen.Count == 0)
        {
            string known = string.Join(", ", sets.Select(s => $"{s.Task}/{s.Spec.Name}").Distinct());
            throw new UsageException($"no demonstration set matches{(task is null ? "" : $" --task {task}")}{(name is null ? "" : $" --demonstrations {name}")}; the study has: {known}", cmd.Name);
        }
        // A study whose file was edited can hold two versions of one (task, set): they get the spec's hash in their names.
        var versions = chosen.GroupBy(s => (s.Task, s.Spec.Name)).ToDictionary(g => g.Key, g => g.Count());
        Directory.CreateDirectory(output);
        foreach (var (setTask, spec) in chosen)
        {
            var (info, episodes) = Episodes(catalog, setTask, spec);
            string stem = $"{setTask}-{spec.Name}";
            if (versions[(setTask, spec.Name)] > 1) stem += "-" + SpecHash(setTask, spec);
            var train = episodes.Take(spec.TrainEpisodes).ToList();
            var validation = episodes.Skip(spec.TrainEpisodes).Take(spec.ValidationEpisodes).ToList();
            foreach (var (part, list) in new[] { ("train", train), ("validation", validation) })
            {
                string path = Path.Combine(output, $"{stem}-{part}.parquet");
                DemonstrationDataset.Write(path, info, list);
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{path}: {list.Count} episodes, {list.Sum(e => e.StepCount)} RLDS steps ({spec.Name} on {setTask}, {part}{(info.HasRewards ? $", mean return {list.Average(e => e.Return()):F2}" : ", no rewards")})"));
            }
        }
        return ExitCodes.Ok;
    }

    /// <summary><c>hpproxy demos import FILE --task T [--name NAME] [--out FILE]</c>: reads RLDS step rows written
    /// elsewhere (<see cref="RldsImport"/>), checks them against the task (<see cref="EpisodeChecks"/>), and writes
    /// them in our layout. Any problem: every one on stderr, nothing written, exit code 2.</summary>
    public static int Import(ParsedCommand cmd, CliContext ctx)
    {
        if (cmd.Positionals.Count < 2) throw new UsageException("demos import needs a Parquet file", cmd.Name);
        string file = cmd.Positional(1);
        string taskName = cmd.Value("task") ?? throw new UsageException("demos import needs --task T (the task the episodes were recorded on)", cmd.Name);
        var catalog = ProductCatalog.Default;
        var task = catalog.FindTaskInfo(taskName)
            ?? throw new UsageException($"unknown task '{taskName}'; known: {string.Join(", ", catalog.TaskNames)}", cmd.Name);
        string? name = cmd.Value("name");
        if (name is not null && !System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z0-9][A-Za-z0-9._-]*$"))
            throw new UsageException($"--name '{name}' must be letters, digits, '.', '_' and '-'", cmd.Name);
        if (!File.Exists(file)) throw new UsageException($"no such file: {file}", cmd.Name);

        RldsDatasetInfo info;
        IReadOnlyList<RecordedEpisode> episodes;
        try
        {
            (info, episodes) = RldsImport.Read(file, task, name);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidCastException or OverflowException or NotSupportedException)
        {
            ctx.Err.WriteLine($"{file}: error: {e.Message.Replace(file + ": ", "", StringComparison.Ordinal)}");
            ctx.Err.WriteLine($"hpproxy: {file} cannot be imported; nothing was written");
            return ExitCodes.BadInput;
        }
        var problems = EpisodeChecks.Problems(info, episodes, task);
        if (problems.Count > 0)
        {
            foreach (var p in problems) ctx.Err.WriteLine($"{file}: error: {p}");
            ctx.Err.WriteLine($"hpproxy: {problems.Count} problem(s) in {file}; nothing was written");
            return ExitCodes.BadInput;
        }
        string output = cmd.Value("out") ?? Path.Combine("datasets", $"{task.Name}-{name ?? info.Demonstrator}.parquet");
        if (Path.GetFullPath(output) == Path.GetFullPath(file))
            throw new UsageException("--out must differ from the imported file", cmd.Name);
        DemonstrationDataset.Write(output, info, episodes);

        int terminated = episodes.Count(e => e.Terminated);
        ctx.Out.WriteLine($"{output}: {episodes.Count} episodes of {task.Name} by {info.Demonstrator} ({info.Regime})");
        ctx.Out.WriteLine($"  steps       {episodes.Sum(e => e.StepCount)} RLDS steps, {episodes.Sum(e => e.Length)} transitions; lengths {episodes.Min(e => e.Length)}..{episodes.Max(e => e.Length)}");
        ctx.Out.WriteLine($"  endings     {terminated} terminated, {episodes.Count - terminated} truncated");
        ctx.Out.WriteLine(info.HasRewards
            ? string.Create(CultureInfo.InvariantCulture, $"  rewards     recorded; mean return {episodes.Average(e => e.Return()):F2} (min {episodes.Min(e => e.Return()):F2}, max {episodes.Max(e => e.Return()):F2})")
            : "  rewards     absent: a study using this file must give reference_return");
        ctx.Out.WriteLine($"  sha256      {DatasetFileHash.Of(output)}");
        ctx.Out.WriteLine($"  in a study  file: {Path.GetFullPath(output)}   (or that path relative to the study file's folder)");
        return ExitCodes.Ok;
    }

    private static bool LooksLikeStudyFile(string study) =>
        study.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || study.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || File.Exists(study);

    private static List<(string Task, DemoSpec Spec)>? FromStudyFile(CliContext ctx, string path)
    {
        if (!File.Exists(path))
        {
            ctx.Err.WriteLine($"{path}: error: no such study file");
            return null;
        }
        var load = StudyLoader.Load(path, File.ReadAllText(path), ProductServices.StudyCatalog(), ProductServices.DemonstrationFiles());
        foreach (var w in load.Warnings) ctx.Err.WriteLine($"warning: {w}");
        if (!load.IsValid)
        {
            foreach (var e in load.Errors) ctx.Err.WriteLine(e.ToString());
            ctx.Err.WriteLine($"hpproxy: {load.Errors.Count} error(s) in {path}; nothing was exported");
            return null;
        }
        return [.. StudyPlanner.Plan(load.Study!).Demonstrations.Select(d => (d.Task, d.Spec))];
    }

    private static List<(string Task, DemoSpec Spec)> FromStudyDatabase(ParsedCommand cmd, CliContext ctx, string study, ProductCatalog catalog)
    {
        var location = CliContext.Locate(cmd, study);
        using var store = ctx.OpenExisting(location);
        catalog.Files.AddStudyDirectory(location.StudyDirectory);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sets = new List<(string, DemoSpec)>();
        // Runs of one (task, set) share their demonstration spec; the first run of each distinct spec stands for all.
        foreach (var run in store.GetRuns())
        {
            var spec = store.GetRunSpec(run.RunId);
            if (seen.Add(SpecHash(spec.Task, spec.Demonstrations))) sets.Add((spec.Task, spec.Demonstrations));
        }
        return sets;
    }

    /// <summary>The recorded episodes of a set, train first then validation (rewards included), with the file info.</summary>
    private static (RldsDatasetInfo Info, IReadOnlyList<RecordedEpisode> Episodes) Episodes(ProductCatalog catalog, string task, DemoSpec spec)
    {
        var env = catalog.FindTaskInfo(task) ?? throw new InvalidOperationException($"task '{task}' is not available in this build");
        IReadOnlyList<RecordedEpisode> episodes;
        bool hasRewards = true;
        if (spec.File is { } file)
        {
            var loaded = catalog.Files.Load(file.Sha256);
            hasRewards = loaded.HasRewards;
            episodes = FileDemoSelection.Select(loaded.Episodes, spec.TrainEpisodes, spec.ValidationEpisodes, spec.Seed, spec.Name,
                hasRewards, file.ReferenceReturn ?? (hasRewards ? null : double.NaN)).Episodes;
        }
        else
        {
            // Generation is deterministic: these are the episodes every worker regenerates (DemoSplit: first train, rest validation).
            episodes = catalog.Demonstrations.Record(task, spec);
        }
        string parameters = JsonSerializer.Serialize(spec.Parameters.ToDictionary(p => p.Key, p => p.Value.ToString()));
        var info = new RldsDatasetInfo(task, episodes[0].Metadata.Demonstrator, spec.Regime, parameters, env.ObservationSize, env.ActionSize)
        {
            HasRewards = hasRewards,
        };
        return (info, episodes);
    }

    private static string SpecHash(string task, DemoSpec spec)
    {
        var runLike = new RunSpec(task, spec, "", "", Core.Spaces.HyperparameterSet.Empty, 0, 0, 0, new EvaluationSpec(0, 0), []);
        return RunSpecJson.RunId(runLike)[..8];
    }
}
