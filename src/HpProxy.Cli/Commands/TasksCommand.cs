using System.Globalization;
using System.Text.Json;
using HpProxy.Cli.Parsing;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Spaces;
using HpProxy.Scheduling.Catalog;

namespace HpProxy.Cli.Commands;

/// <summary>
/// <c>hpproxy tasks [--json] [--measure [--out FILE]]</c>: every task with its family, sizes, horizon and stored
/// reference returns (<see cref="StoredReferenceReturns"/>). <c>--measure</c> rolls out random actions and each
/// task's default demonstrator with the stored settings and rewrites the stored file (commit it; the next build embeds
/// it). Without flags the listing goes through the CLI's catalog (<see cref="Wiring.ICatalog"/>).
/// </summary>
internal static class TasksCommand
{
    public static int Execute(ParsedCommand cmd, CliContext ctx)
    {
        if (cmd.Flag("measure")) return Measure(cmd, ctx);
        if (cmd.Flag("json")) return Json(ctx);
        return InfoCommands.List(ctx, ctx.Services.Catalog.Tasks());
    }

    /// <summary>One line of <c>hpproxy tasks</c> for a task: family, sizes, horizon and the stored references.</summary>
    public static string Describe(TaskInfo t)
    {
        var stored = StoredReferenceReturns.For(t.Name);
        string references = stored is null
            ? "reference returns not measured"
            : $"random {StoredReferenceReturns.Describe(stored.RandomReturn)}, "
                + (stored.Demonstrator is null ? "no demonstrator" : $"demonstrator {stored.Demonstrator} {StoredReferenceReturns.Describe(stored.DemonstratorReturn)}");
        return $"{t.Description} [{t.Family}; obs {t.ObservationSize}, act {t.ActionSize}, horizon {t.Horizon}{(t.TerminatesEarly ? ", terminates early" : "")}; {references}]";
    }

    private static int Json(CliContext ctx)
    {
        var tasks = ProductCatalog.Default.Tasks.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t =>
        {
            var stored = StoredReferenceReturns.For(t.Name);
            return new Dictionary<string, object?>
            {
                ["name"] = t.Name,
                ["family"] = t.Family,
                ["observation_size"] = t.ObservationSize,
                ["action_size"] = t.ActionSize,
                ["horizon"] = t.Horizon,
                ["terminates_early"] = t.TerminatesEarly,
                ["description"] = t.Description,
                ["reference_returns"] = stored is null ? null : new Dictionary<string, object?>
                {
                    ["random"] = stored.RandomReturn,
                    ["demonstrator"] = stored.Demonstrator,
                    ["demonstrator_return"] = stored.DemonstratorReturn,
                },
            };
        }).ToList();
        ctx.Out.WriteLine(JsonSerializer.Serialize(tasks, new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // "±1 N m" stays readable
        }));
        return ExitCodes.Ok;
    }

    private static int Measure(ParsedCommand cmd, CliContext ctx)
    {
        var catalog = ProductCatalog.Default;
        var previous = StoredReferenceReturns.Stored;
        var settings = new MeasureSettings();
        // The launcher exports HPPROXY_HOME (the repository): write the embedded file there whatever the current folder.
        string output = cmd.Value("out") ?? (Environment.GetEnvironmentVariable("HPPROXY_HOME") is { Length: > 0 } home
            ? Path.Combine(home, StoredReferenceReturns.RepositoryPath)
            : StoredReferenceReturns.RepositoryPath);
        var measured = new Dictionary<string, StoredTaskReferences>(StringComparer.Ordinal);
        // Tasks this build cannot run (MuJoCo without libmujoco) keep what was stored.
        foreach (var kept in previous.Tasks) measured[kept.Task] = kept;
        foreach (var task in catalog.Tasks)
        {
            string? demonstrator = Demonstrators.NamesFor(task.Name).FirstOrDefault();
            Func<IDemonstrator>? create = demonstrator is null
                ? null
                : () => Demonstrators.Create(task.Name, demonstrator, Demonstrators.CleanRegime, HyperparameterSet.Empty);
            var entry = StoredReferenceReturns.Measure(task, () => catalog.CreateTask(task.Name), demonstrator, create, settings);
            measured[task.Name] = entry;
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{task.Name}: random {StoredReferenceReturns.Describe(entry.RandomReturn)}, demonstrator {entry.Demonstrator ?? "none"} {StoredReferenceReturns.Describe(entry.DemonstratorReturn)}"));
        }
        var file = new ReferenceReturnsFile(
            "Reference returns per task, measured once and stored (SPEC.md §3). random: mean return of uniform random actions in [-1, 1] "
                + "over random_episodes episodes from random_seed; demonstrator: mean return of the task's default demonstrator in the clean regime "
                + "over demonstrator_episodes episodes from demonstrator_seed (null: the task has no demonstrator). Studies measure their own "
                + "demonstration sets at planning; these numbers are for 'hpproxy tasks'.",
            "hpproxy tasks --measure",
            settings,
            [.. measured.Values.OrderBy(t => t.Task, StringComparer.Ordinal)]);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(output, StoredReferenceReturns.Serialize(file));
        ctx.Out.WriteLine($"{output}: {file.Tasks.Count} tasks (rebuild to embed the new values)");
        return ExitCodes.Ok;
    }
}
