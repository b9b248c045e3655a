using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Spaces;
using HpProxy.Storage.Datasets;

namespace HpProxy.Storage.Tests.Datasets;

public sealed class DemonstrationDatasetTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hpproxy-dataset-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>A hand-made terminated episode: T = 2 transitions, observation size 2, action size 1.</summary>
    private static RecordedEpisode Terminated(int index) => new(
        new EpisodeMetadata("toy", "scripted:synthetic", index, 3UL, ulong.MaxValue),
        2,
        1,
        [0f, 1f, 2f, 3f, 4f, float.NaN],
        [0.5f, -0.5f, 0f],
        [new OracleReward(1.5), new OracleReward(-2.25), new OracleReward(0)],
        terminated: true);

    private static readonly RldsDatasetInfo ToyInfo = new("toy", "scripted:synthetic", "synthetic", "{}", 2, 1);

    private static void AssertSame(RecordedEpisode expected, RecordedEpisode actual)
    {
        Assert.Equal(expected.Metadata, actual.Metadata);
        Assert.Equal((expected.ObservationSize, expected.ActionSize, expected.Terminated), (actual.ObservationSize, actual.ActionSize, actual.Terminated));
        Assert.Equal(expected.Observations, actual.Observations);
        Assert.Equal(expected.Actions, actual.Actions);
        Assert.Equal(expected.Rewards, actual.Rewards);
    }

    [Fact]
    public void Generated_demonstrations_round_trip_through_a_file()
    {
        var episodes = DemoGenerator.Generate(new ClassicControlTasks().Create("pendulum"),
            Demonstrators.Create("pendulum", "scripted", "human-like", HyperparameterSet.Empty), 3, seed: 9);
        var m = episodes[0].Metadata;
        var info = new RldsDatasetInfo(m.Task, m.Demonstrator, "human-like", "{\"hesitation\":0.1}", episodes[0].ObservationSize, episodes[0].ActionSize);
        string path = Path.Combine(_dir, "demos", "pendulum.parquet");

        DemonstrationDataset.Write(path, info, episodes);
        var (readInfo, read) = DemonstrationDataset.Read(path);

        Assert.Equal(info, readInfo);
        Assert.Equal(info, DemonstrationDataset.ReadInfo(path));
        Assert.Equal(episodes.Count, read.Count);
        for (int i = 0; i < episodes.Count; i++) AssertSame(episodes[i], read[i]);
        Assert.Equal(episodes.Select(e => e.Return()), read.Select(e => e.Return()));
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName)); // no temp file left
    }

    [Fact]
    public void Rows_follow_the_rlds_step_convention()
    {
        var rows = DemonstrationDataset.ToRows(Terminated(4)).ToList();
        Assert.Equal([0, 1, 2], rows.Select(r => r.Step));
        Assert.All(rows, r => Assert.Equal(4, r.EpisodeId));
        Assert.Equal([true, false, false], rows.Select(r => r.IsFirst));
        Assert.Equal([false, false, true], rows.Select(r => r.IsLast));
        Assert.Equal([false, false, true], rows.Select(r => r.IsTerminal));
        Assert.Equal([1f, 1f, 0f], rows.Select(r => r.Discount));
        Assert.Equal([1.5, -2.25, 0], rows.Select(r => r.Reward));
        Assert.Equal([2f, 3f], rows[1].Observation);
        Assert.Equal([-0.5f], rows[1].Action);
    }

    [Fact]
    public async Task Terminated_and_truncated_episodes_keep_their_flags()
    {
        var truncated = new RecordedEpisode(new EpisodeMetadata("toy", "scripted:synthetic", 7, 1UL, 2UL), 2, 1,
            [1f, 1f, 2f, 2f], [0.25f, 0f], [new OracleReward(0.5), new OracleReward(0)], terminated: false);
        using var ms = new MemoryStream();
        await DemonstrationDataset.WriteAsync(ms, ToyInfo, [Terminated(0), truncated]);
        ms.Position = 0;
        var (_, read) = await DemonstrationDataset.ReadAsync(ms, "memory");
        AssertSame(Terminated(0), read[0]);
        AssertSame(truncated, read[1]);
        Assert.Equal(0f, read[0].Discount(2));
        Assert.Equal(1f, read[1].Discount(1));
    }

    [Fact]
    public async Task Writing_rejects_inconsistent_episodes()
    {
        using var ms = new MemoryStream();
        await Assert.ThrowsAsync<ArgumentException>(() => DemonstrationDataset.WriteAsync(ms, ToyInfo with { ObservationSize = 3 }, [Terminated(0)]));
        await Assert.ThrowsAsync<ArgumentException>(() => DemonstrationDataset.WriteAsync(ms, ToyInfo with { Task = "other" }, [Terminated(0)]));
        await Assert.ThrowsAsync<ArgumentException>(() => DemonstrationDataset.WriteAsync(ms, ToyInfo, [Terminated(1), Terminated(1)]));
    }

    [Fact]
    public void Reading_reports_broken_rows_with_file_and_episode()
    {
        var missingStep = DemonstrationDataset.ToRows(Terminated(5)).Where(r => r.Step != 1).ToList();
        var e = Assert.Throws<InvalidDataException>(() => DemonstrationDataset.FromRows(ToyInfo, missingStep, "demo.parquet"));
        Assert.Contains("demo.parquet: episode 5", e.Message, StringComparison.Ordinal);

        var badFlags = DemonstrationDataset.ToRows(Terminated(0)).ToList();
        badFlags[1].IsTerminal = true;
        Assert.Throws<InvalidDataException>(() => DemonstrationDataset.FromRows(ToyInfo, badFlags, "x"));

        var shortObs = DemonstrationDataset.ToRows(Terminated(0)).ToList();
        shortObs[0].Observation = [1f];
        Assert.Throws<InvalidDataException>(() => DemonstrationDataset.FromRows(ToyInfo, shortObs, "x"));
    }

    [Fact]
    public void Rows_out_of_order_are_regrouped_by_episode_and_step()
    {
        var rows = DemonstrationDataset.ToRows(Terminated(2)).Concat(DemonstrationDataset.ToRows(Terminated(1))).Reverse().ToList();
        var episodes = DemonstrationDataset.FromRows(ToyInfo, rows, "x");
        Assert.Equal([1, 2], episodes.Select(ep => ep.Metadata.Index));
        AssertSame(Terminated(1), episodes[0]);
        AssertSame(Terminated(2), episodes[1]);
    }
}
