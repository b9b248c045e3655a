using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Tests.Envs.Data;

public class FileDemoSelectionTests
{
    /// <summary>Episode i: 2 transitions, observation values i, rewards i and 1 (return i + 1).</summary>
    internal static IReadOnlyList<RecordedEpisode> Episodes(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new RecordedEpisode(
            new EpisodeMetadata("pendulum", "human", i, 0, 0), 1, 1,
            [i, i, i], [0.5f, -0.5f, 0f], [new OracleReward(i), new OracleReward(1), new OracleReward(0)], terminated: false))];

    private static int[] Ids(DemonstrationSet set) => [.. set.Episodes.Select(e => (int)e.Observations[0])];

    [Fact]
    public void The_split_is_a_seeded_disjoint_choice_of_the_files_episodes()
    {
        var episodes = Episodes(10);
        var a = FileDemoSelection.Select(episodes, 4, 3, seed: 11, "human", hasRewards: true, referenceReturn: null);
        var b = FileDemoSelection.Select(episodes, 4, 3, seed: 11, "human", hasRewards: true, referenceReturn: null);
        var other = FileDemoSelection.Select(episodes, 4, 3, seed: 12, "human", hasRewards: true, referenceReturn: null);

        Assert.Equal(Ids(a.Train), Ids(b.Train));
        Assert.Equal(Ids(a.Validation), Ids(b.Validation));
        Assert.Equal(4, a.Train.Episodes.Count);
        Assert.Equal(3, a.Validation.Episodes.Count);
        Assert.Empty(Ids(a.Train).Intersect(Ids(a.Validation)));
        Assert.NotEqual(Ids(a.Train).Concat(Ids(a.Validation)), Ids(other.Train).Concat(Ids(other.Validation)));
        // Not simply the first episodes of the file (a shuffled order; with this seed it differs from 0..6).
        Assert.NotEqual([0, 1, 2, 3, 4, 5, 6], Ids(a.Train).Concat(Ids(a.Validation)));
        Assert.Equal("human/train", a.Train.Name);
    }

    [Fact]
    public void The_reference_is_the_mean_return_of_the_chosen_episodes_unless_given()
    {
        var episodes = Episodes(10);
        var g = FileDemoSelection.Select(episodes, 4, 3, 11, "human", hasRewards: true, referenceReturn: null);
        double expected = g.Episodes.Average(e => e.Metadata.Index + 1.0);
        Assert.Equal(expected, g.DemonstratorReturn, 12);
        Assert.Equal(-3.5, FileDemoSelection.Select(episodes, 4, 3, 11, "human", true, -3.5).DemonstratorReturn);
        Assert.Equal(7.0, FileDemoSelection.Select(episodes, 4, 3, 11, "human", false, 7.0).DemonstratorReturn);
        Assert.Throws<InvalidOperationException>(() => FileDemoSelection.Select(episodes, 4, 3, 11, "human", hasRewards: false, referenceReturn: null));
    }

    [Fact]
    public void Asking_for_more_episodes_than_the_file_holds_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => FileDemoSelection.Select(Episodes(5), 4, 3, 1, "human", true, null));
    }

    [Fact]
    public void The_order_is_a_permutation()
    {
        var order = FileDemoSelection.Order(50, 3);
        Assert.Equal(Enumerable.Range(0, 50), order.Order());
        Assert.Equal(order, FileDemoSelection.Order(50, 3));
    }
}
