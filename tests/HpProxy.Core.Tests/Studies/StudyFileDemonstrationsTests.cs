using HpProxy.Core.Studies;

namespace HpProxy.Core.Tests.Studies;

/// <summary>Demonstration sets read from files (<c>file:</c>): validation with line and key, planning, run ids.</summary>
public class StudyFileDemonstrationsTests
{
    private const string StudyPath = "studies/human.yaml";
    private const string PendulumFile = "studies/../datasets/pendulum-human.parquet";

    private static string Study(string set, string tasks = "[pendulum, cartpole-swingup]") => $"""
        seed: 3
        tasks: {tasks}
        demonstrations:
          - name: synthetic
            regime: synthetic
            episodes: {"{"}train: 10, validation: 5{"}"}
        {set}
        checkpoints: 2
        seeds: 2
        proxies: [action_mse]
        algorithms:
          - {"{"}name: bc, budget: 100{"}"}
        """;

    private const string HumanSet = """
          - name: human
            file: ../datasets/pendulum-human.parquet
            episodes: {train: 20, validation: 5}
        """;

    private static StudyLoadResult Load(string text, FakeDemonstrationFiles files) =>
        StudyLoader.Load(StudyPath, text, new FakeStudyCatalog(), files);

    [Fact]
    public void A_file_set_resolves_its_path_against_the_study_file_and_covers_the_files_task()
    {
        var files = new FakeDemonstrationFiles().With(PendulumFile, "pendulum", sha: new string('b', 64));
        var result = Load(Study(HumanSet), files);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal([PendulumFile], files.Asked);
        var human = result.Study!.Demonstrations[1];
        Assert.Equal(DemonstrationSetDefinition.FileRegime, human.Regime);
        var file = Assert.Single(human.Files!);
        Assert.Equal("pendulum", file.Key);
        Assert.Equal(new string('b', 64), file.Value.Sha256);
        Assert.Equal("human", human.DemonstratorByTask["pendulum"]);

        var plan = StudyPlanner.Plan(result.Study!);
        // synthetic on both tasks (2 seeds each), human only on pendulum.
        Assert.Equal(6, plan.Runs.Count);
        var humanRuns = plan.Runs.Where(r => r.Demonstrations == "human").ToList();
        Assert.Equal(2, humanRuns.Count);
        Assert.All(humanRuns, r => Assert.Equal("pendulum", r.Task));
        Assert.All(humanRuns, r => Assert.Equal(new DemoFileSpec(new string('b', 64), null), r.Spec.Demonstrations.File));
        Assert.All(humanRuns, r => Assert.Contains("\"file\":{\"sha256\":\"" + new string('b', 64) + "\"}", r.SpecJson, StringComparison.Ordinal));
        Assert.All(plan.Runs.Where(r => r.Demonstrations == "synthetic"), r => Assert.DoesNotContain("\"file\"", r.SpecJson, StringComparison.Ordinal));
    }

    [Fact]
    public void Run_ids_follow_the_files_content_not_its_path()
    {
        string moved = HumanSet.Replace("../datasets/pendulum-human.parquet", "/data/elsewhere.parquet", StringComparison.Ordinal);
        var same = new FakeDemonstrationFiles().With(PendulumFile, "pendulum", sha: new string('c', 64)).With("/data/elsewhere.parquet", "pendulum", sha: new string('c', 64));
        var changed = new FakeDemonstrationFiles().With(PendulumFile, "pendulum", sha: new string('d', 64));

        var ids = Ids(Load(Study(HumanSet), same));
        Assert.Equal(ids, Ids(Load(Study(HumanSet), same)));
        Assert.Equal(ids, Ids(Load(Study(moved), same)));          // moved, same bytes: same runs
        var changedIds = Ids(Load(Study(HumanSet), changed));
        Assert.Equal(ids.Where(i => i.Set == "synthetic"), changedIds.Where(i => i.Set == "synthetic")); // other sets untouched
        Assert.Empty(ids.Where(i => i.Set == "human").Select(i => i.Id).Intersect(changedIds.Where(i => i.Set == "human").Select(i => i.Id)));
    }

    [Fact]
    public void Adding_a_file_set_keeps_the_ids_of_generated_sets()
    {
        var files = new FakeDemonstrationFiles().With(PendulumFile, "pendulum");
        var without = Ids(Load(Study(""), files));
        var with = Ids(Load(Study(HumanSet), files));
        Assert.Equal(without, with.Where(i => i.Set == "synthetic"));
    }

    [Fact]
    public void A_reference_return_is_part_of_the_runs()
    {
        var files = new FakeDemonstrationFiles().With(PendulumFile, "pendulum");
        var plain = Ids(Load(Study(HumanSet), files));
        var withReference = Load(Study(HumanSet + "\n    reference_return: -150.5"), files);
        Assert.True(withReference.IsValid, string.Join("\n", withReference.Errors));
        var spec = StudyPlanner.Plan(withReference.Study!).Runs.First(r => r.Demonstrations == "human").Spec;
        Assert.Equal(-150.5, spec.Demonstrations.File!.ReferenceReturn);
        Assert.NotEqual(plain, Ids(withReference));
    }

    [Fact]
    public void The_mapping_form_names_a_file_per_task()
    {
        const string set = """
              - name: human
                file: {pendulum: p.parquet, cartpole-swingup: c.parquet}
                reference_return: {cartpole-swingup: 200}
                episodes: {train: 2, validation: 1}
            """;
        var files = new FakeDemonstrationFiles().With("studies/p.parquet", "pendulum").With("studies/c.parquet", "cartpole-swingup", rewards: false);
        var result = Load(Study(set), files);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var human = result.Study!.Demonstrations[1];
        Assert.Equal(200, human.Files!["cartpole-swingup"].ReferenceReturn);
        Assert.Null(human.Files!["pendulum"].ReferenceReturn);
        Assert.Equal(2 * 4, StudyPlanner.Plan(result.Study!).Runs.Count); // 2 tasks × 2 sets × 2 seeds
    }

    public static TheoryData<string, string, string, string> Malformed => new()
    {
        // set text, registered files ("path=task[:norewards|:episodes=N]"), expected "line:col key", message fragment
        {
            "  - name: human\n    file: missing.parquet\n    episodes: {train: 2, validation: 1}",
            "", "8:11 demonstrations[1].file", "missing.parquet: no such file"
        },
        {
            "  - name: human\n    file: p.parquet\n    episodes: {train: 20, validation: 5}",
            "studies/p.parquet=pendulum:episodes=12", "9:15 demonstrations[1].episodes", "train + validation = 25 episodes, but p.parquet holds only 12"
        },
        {
            "  - name: human\n    file: p.parquet\n    episodes: {train: 2, validation: 1}",
            "studies/p.parquet=pendulum:norewards", "8:11 demonstrations[1].file", "has no rewards"
        },
        {
            "  - name: human\n    file: a.parquet\n    episodes: {train: 2, validation: 1}",
            "studies/a.parquet=acrobot", "8:11 demonstrations[1].file", "which is not among this study's tasks"
        },
        {
            "  - name: human\n    file: {cartpole-swingup: p.parquet}\n    episodes: {train: 2, validation: 1}",
            "studies/p.parquet=pendulum", "8:30 demonstrations[1].file.cartpole-swingup", "holds demonstrations of task 'pendulum', not 'cartpole-swingup'"
        },
        {
            "  - name: human\n    file: p.parquet\n    regime: human-like\n    episodes: {train: 2, validation: 1}",
            "studies/p.parquet=pendulum", "9:5 demonstrations[1].regime", "takes its demonstrations from the file"
        },
        {
            "  - name: human\n    regime: synthetic\n    reference_return: 3\n    episodes: {train: 2, validation: 1}",
            "", "9:23 demonstrations[1].reference_return", "only" // message checked loosely below
        },
        {
            "  - name: human\n    file: 12\n    reference_return: many\n    episodes: {train: 2, validation: 1}",
            "", "8:11 demonstrations[1].file", "no such file"
        },
        {
            "  - name: human\n    episodes: {train: 2, validation: 1}",
            "", "7:5 demonstrations[1].regime", "missing required key 'regime'"
        },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Problems_are_reported_at_their_key(string set, string registered, string expected, string fragment)
    {
        var files = new FakeDemonstrationFiles();
        foreach (var entry in registered.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (path, rest) = (entry[..entry.IndexOf('=')], entry[(entry.IndexOf('=') + 1)..]);
            var parts = rest.Split(':');
            int episodes = parts.FirstOrDefault(p => p.StartsWith("episodes=", StringComparison.Ordinal)) is { } e ? int.Parse(e[9..], System.Globalization.CultureInfo.InvariantCulture) : 30;
            files.With(path, parts[0], episodes, rewards: !parts.Contains("norewards"));
        }
        var result = Load(Study(set), files);
        Assert.False(result.IsValid);
        var first = result.Errors[0];
        Assert.Equal(expected, $"{first.Line}:{first.Column} {first.Key}");
        if (fragment != "only") Assert.Contains(fragment, first.Message, StringComparison.Ordinal);
        else Assert.Contains("reference_return is for demonstration sets read from a file", first.Message, StringComparison.Ordinal);
        Assert.All(result.Errors, e => Assert.Equal(StudyPath, e.File));
    }

    [Fact]
    public void A_file_set_without_a_file_reader_is_an_error_not_a_crash()
    {
        var result = StudyLoader.Load(StudyPath, Study(HumanSet), new FakeStudyCatalog());
        var error = Assert.Single(result.Errors);
        Assert.Equal("demonstrations[1].file", error.Key);
        Assert.Contains("without a demonstration file reader", error.Message, StringComparison.Ordinal);
    }

    private static List<(string Set, string Id)> Ids(StudyLoadResult result)
    {
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return [.. StudyPlanner.Plan(result.Study!).Runs.Select(r => (r.Demonstrations, r.RunId))];
    }
}
