using System.Text.Json;
using HpProxy.Cli.Tests.Support;
using HpProxy.Cli.Wiring;
using HpProxy.Core.Envs.Data;
using HpProxy.Scheduling.Catalog;
using HpProxy.Storage.Datasets;

namespace HpProxy.Cli.Tests.Commands;

/// <summary>
/// Demonstration files end to end with the real catalog: a study's <c>file:</c> set (validation through the product
/// front-end, run ids, staging by <c>run</c>), <c>demos export</c> and <c>demos import</c> round trips, <c>tasks --json</c>.
/// </summary>
public sealed class DemosExchangeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string StudyText(string fileLine = "file: ../datasets/pendulum-human.parquet", string episodes = "{train: 3, validation: 2}") => $"""
        name: human-study
        seed: 5
        tasks: [pendulum]
        demonstrations:
          - name: synthetic
            regime: synthetic
            episodes: {"{"}train: 2, validation: 1{"}"}
          - name: human
            {fileLine}
            episodes: {episodes}
        checkpoints: 1
        seeds: 2
        proxies: [action_mse]
        algorithms:
          - {"{"}name: bc, budget: 10{"}"}
        """;

    private string Dataset(ulong seed = 7, int episodes = 6, string task = "pendulum", string name = "pendulum-human.parquet")
    {
        string file = Path.Combine(_dir.Path, "datasets", name);
        var r = CliRunner.Run(CliRunner.Services(), "demos", "generate", task, "--regime", "human-like", "--episodes", episodes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", file);
        Assert.Equal(0, r.ExitCode);
        return file;
    }

    private string Study(string text)
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "studies"));
        string path = Path.Combine(_dir.Path, "studies", "human.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static CoreStudyFrontEnd FrontEnd() => new(ProductServices.StudyCatalog, ProductServices.RunServices, ProductServices.DemonstrationFiles);

    private static CliServices RealStudies() => CliRunner.Services() with { Studies = FrontEnd() };

    private static List<(string Set, string Id)> Ids(string study)
    {
        var load = FrontEnd().Load(study);
        Assert.True(load.Study is not null, string.Join("\n", load.Errors));
        return [.. load.Study!.Runs.Select(r => (r.Demonstrations, r.RunId))];
    }

    [Fact]
    public void Run_ids_stay_with_the_same_file_and_change_with_its_content()
    {
        string data = Dataset(seed: 7);
        string study = Study(StudyText());
        var first = Ids(study);
        Assert.Equal(4, first.Count);
        Assert.Equal(first, Ids(study));                               // same file: same ids

        File.Copy(data, Path.Combine(_dir.Path, "datasets", "moved.parquet"));
        Assert.Equal(first, Ids(Study(StudyText("file: ../datasets/moved.parquet")))); // same bytes elsewhere: same ids

        Dataset(seed: 8);                                               // new content under the same name
        var changed = Ids(Study(StudyText()));
        Assert.Equal(first.Where(i => i.Set == "synthetic"), changed.Where(i => i.Set == "synthetic"));
        Assert.Empty(first.Where(i => i.Set == "human").Intersect(changed.Where(i => i.Set == "human")));
    }

    [Fact]
    public void Validate_reports_file_problems_at_their_line_and_key_with_exit_code_2()
    {
        Dataset(task: "pointmass", name: "pointmass.parquet");
        Dataset(episodes: 4);
        string study = Study(StudyText("file: {pendulum: ../datasets/pointmass.parquet}")
            .Replace("name: human-study", "name: human-study\n# a comment line", StringComparison.Ordinal));
        var r = CliRunner.Run(RealStudies(), "validate", study);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{study}:10:22: demonstrations[1].file.pendulum: ../datasets/pointmass.parquet holds demonstrations of task 'pointmass', not 'pendulum'", r.Err);

        string tooFew = Study(StudyText(episodes: "{train: 3, validation: 3}"));
        r = CliRunner.Run(RealStudies(), "validate", tooFew);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{tooFew}:10:15: demonstrations[1].episodes: train + validation = 6 episodes, but ../datasets/pendulum-human.parquet holds only 4", r.Err);

        string missing = Study(StudyText("file: ../datasets/nope.parquet"));
        r = CliRunner.Run(RealStudies(), "validate", missing);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{missing}:9:11: demonstrations[1].file: ../datasets/nope.parquet: no such file", r.Err);
    }

    [Fact]
    public void Run_stages_the_file_into_the_study_folder_and_measures_its_reference()
    {
        string data = Dataset();
        string study = Study(StudyText());
        string results = Path.Combine(_dir.Path, "results");
        var r = CliRunner.Run(RealStudies(), "run", study, "--results", results, "--workers", "1", "--no-report");
        Assert.True(r.ExitCode == 0, r.Err + r.Out);
        string sha = DatasetFileHash.Of(data);
        Assert.True(File.Exists(Path.Combine(results, "human-study", "datasets", sha + ".parquet")));
        using var store = HpProxy.Storage.StudyStoreFactory.Open(results, "human-study");
        var reference = store.GetReferences("pendulum", "human")!;
        // The demonstrator reference is the mean return of the 5 chosen episodes of the file.
        var chosen = FileDemoSelection.Select(DemonstrationDataset.Read(data).Episodes, 3, 2,
            store.GetRunSpec(store.GetRuns().First(x => x.Demonstrations == "human").RunId).Demonstrations.Seed, "human", true, null);
        Assert.Equal(chosen.DemonstratorReturn, reference.Expert, 9);
    }

    [Fact]
    public void Generate_export_import_gives_back_the_episodes_the_runs_use()
    {
        string data = Dataset(episodes: 6);
        string study = Study(StudyText());
        string exported = Path.Combine(_dir.Path, "exported");
        var r = CliRunner.Run(CliRunner.Services(), "demos", "export", study, "--out", exported);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal(
            ["pendulum-human-train.parquet", "pendulum-human-validation.parquet", "pendulum-synthetic-train.parquet", "pendulum-synthetic-validation.parquet"],
            Directory.GetFiles(exported).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // What the runs of the study learn from, through the worker's own source.
        var plan = HpProxy.Core.Studies.StudyPlanner.Plan(HpProxy.Core.Studies.StudyLoader.Load(study, File.ReadAllText(study),
            ProductServices.StudyCatalog(), ProductServices.DemonstrationFiles()).GetStudyOrThrow());
        var human = plan.Demonstrations.Single(d => d.Spec.Name == "human");
        var used = ProductCatalog.Default.Services.Demonstrations.Get("pendulum", human.Spec);

        string imported = Path.Combine(_dir.Path, "imported.parquet");
        r = CliRunner.Run(CliRunner.Services(), "demos", "import", Path.Combine(exported, "pendulum-human-train.parquet"), "--task", "pendulum", "--out", imported);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("3 episodes of pendulum", r.Out);
        var (info, episodes) = DemonstrationDataset.Read(imported);
        Assert.True(info.HasRewards);
        Assert.Equal(used.Train.Episodes.Select(e => e.Observations), episodes.Select(e => e.Observations));
        Assert.Equal(used.Train.Episodes.Select(e => e.Actions), episodes.Select(e => e.ToTrajectory().Actions));
        // And the same episodes as in the original file, rewards included.
        var original = DemonstrationDataset.Read(data).Episodes;
        foreach (var e in episodes)
        {
            var o = original.Single(x => x.Observations.SequenceEqual(e.Observations));
            Assert.Equal(o.Rewards, e.Rewards);
            Assert.Equal(o.Actions, e.Actions);
        }

        // The synthetic set exports what the generator gives every worker: train first, then validation.
        var synthetic = plan.Demonstrations.Single(d => d.Spec.Name == "synthetic");
        var regenerated = ProductCatalog.Default.Demonstrations.Record("pendulum", synthetic.Spec);
        var exportedTrain = DemonstrationDataset.Read(Path.Combine(exported, "pendulum-synthetic-train.parquet")).Episodes;
        var exportedValidation = DemonstrationDataset.Read(Path.Combine(exported, "pendulum-synthetic-validation.parquet")).Episodes;
        Assert.Equal(regenerated.Select(e => e.Observations), exportedTrain.Concat(exportedValidation).Select(e => e.Observations));
        Assert.Equal(2, exportedTrain.Count);
    }

    [Fact]
    public void Export_filters_by_task_and_set_and_names_what_exists_otherwise()
    {
        Dataset();
        string study = Study(StudyText());
        string exported = Path.Combine(_dir.Path, "only-human");
        Assert.Equal(0, CliRunner.Run(CliRunner.Services(), "demos", "export", study, "--demonstrations", "human", "--out", exported).ExitCode);
        Assert.Equal(2, Directory.GetFiles(exported).Length);
        var r = CliRunner.Run(CliRunner.Services(), "demos", "export", study, "--task", "acrobot", "--out", exported);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("the study has: pendulum/synthetic, pendulum/human", r.Err);
    }

    [Fact]
    public void Import_refuses_a_file_of_another_task_without_writing()
    {
        string data = Dataset(task: "pointmass", name: "pm.parquet");
        string output = Path.Combine(_dir.Path, "x.parquet");
        var r = CliRunner.Run(CliRunner.Services(), "demos", "import", data, "--task", "pendulum", "--out", output);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("holds task 'pointmass', not 'pendulum'", r.Err);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Tasks_json_lists_every_task_with_sizes_and_references()
    {
        var r = CliRunner.Run(CliRunner.Services(), "tasks", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var tasks = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(ProductCatalog.Default.Tasks.Count, tasks.Count);
        foreach (var t in tasks)
        {
            Assert.Equal(["action_size", "description", "family", "horizon", "name", "observation_size", "reference_returns", "terminates_early"],
                t.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Contains(t.GetProperty("family").GetString(), new[] { "classic", "mujoco" });
        }
        var pendulum = tasks.Single(t => t.GetProperty("name").GetString() == "pendulum");
        Assert.Equal((3, 1, 200), (pendulum.GetProperty("observation_size").GetInt32(), pendulum.GetProperty("action_size").GetInt32(), pendulum.GetProperty("horizon").GetInt32()));
        var refs = pendulum.GetProperty("reference_returns");
        Assert.Equal("scripted", refs.GetProperty("demonstrator").GetString());
        Assert.True(refs.GetProperty("demonstrator_return").GetDouble() > refs.GetProperty("random").GetDouble());
    }
}
