using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Data;
using HpProxy.Storage.Datasets;

namespace HpProxy.Storage.Tests.Datasets;

public sealed class DemonstrationFileInspectorTests : IDisposable
{
    private readonly DatasetFixture _f = new();
    private readonly DemonstrationFileInspector _inspector = new(DatasetFixture.FindTask);

    public void Dispose() => _f.Dispose();

    [Fact]
    public void A_good_file_reports_its_hash_task_and_episodes()
    {
        string path = _f.Write("good.parquet", DatasetFixture.Generate(4));
        var check = _inspector.Inspect(path);
        Assert.Empty(check.Problems);
        var facts = check.Facts!;
        Assert.Equal(DatasetFileHash.Of(path), facts.Sha256);
        Assert.Equal(64, facts.Sha256.Length);
        Assert.Equal(("pendulum", 4, true), (facts.Task, facts.Episodes, facts.HasRewards));
        Assert.Equal("scripted:human-like", facts.Demonstrator);
    }

    [Fact]
    public void A_missing_file_and_a_file_that_is_not_parquet_are_problems()
    {
        Assert.Contains("no such file", Assert.Single(_inspector.Inspect(Path.Combine(_f.Dir, "nope.parquet")).Problems), StringComparison.Ordinal);
        Directory.CreateDirectory(_f.Dir);
        string text = Path.Combine(_f.Dir, "text.parquet");
        File.WriteAllText(text, "episode_id,observation\n0,1\n");
        var problem = Assert.Single(_inspector.Inspect(text).Problems);
        Assert.Contains("cannot read it as an HpProxy RLDS Parquet file", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Sizes_of_another_task_are_a_problem()
    {
        // A pendulum-shaped file that claims to be a cart-pole's (obs 5): the sizes do not match.
        var episodes = DatasetFixture.Generate(2).Select(e => Relabel(e, "cartpole-swingup")).ToList();
        string path = _f.Write("sizes.parquet", episodes, new RldsDatasetInfo("cartpole-swingup", "x", "synthetic", "{}", 3, 1));
        var problem = Assert.Single(_inspector.Inspect(path).Problems);
        Assert.Contains("observation/action sizes 3/1 do not match task 'cartpole-swingup'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_values_and_unnormalised_actions_are_problems()
    {
        var episodes = DatasetFixture.Generate(3).ToList();
        episodes[0].Observations[5] = float.NaN;          // episode 0, step 1
        episodes[1].Actions[7] = 1.5f;                      // episode 1, step 7
        episodes[2].Rewards[3] = new OracleReward(double.PositiveInfinity);
        string path = _f.Write("bad.parquet", episodes);
        var problems = _inspector.Inspect(path).Problems;
        Assert.Equal(3, problems.Count);
        Assert.Contains("episode 0 step 1: an observation is not finite", problems[0], StringComparison.Ordinal);
        Assert.Contains("episode 1 step 7: an action lies outside [-1, 1]", problems[1], StringComparison.Ordinal);
        Assert.Contains("episode 2 step 3: the reward is not finite", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_task_is_a_problem()
    {
        var episodes = DatasetFixture.Generate(1).Select(e => Relabel(e, "unicycle")).ToList();
        string path = _f.Write("unknown.parquet", episodes, new RldsDatasetInfo("unicycle", "x", "synthetic", "{}", 3, 1));
        Assert.Contains("task 'unicycle', which this build does not know", Assert.Single(_inspector.Inspect(path).Problems), StringComparison.Ordinal);
    }

    private static RecordedEpisode Relabel(RecordedEpisode e, string task) =>
        new(e.Metadata with { Task = task, Demonstrator = "x" }, e.ObservationSize, e.ActionSize, e.Observations, e.Actions, e.Rewards, e.Terminated);
}
