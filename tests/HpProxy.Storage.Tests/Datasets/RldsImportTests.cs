using HpProxy.Core.Envs.Data;
using HpProxy.Storage.Datasets;
using Parquet.Schema;
using Parquet.Serialization;

namespace HpProxy.Storage.Tests.Datasets;

/// <summary>
/// Files written elsewhere: pyarrow is not installable on this machine, so "a pyarrow file" is written here with
/// Parquet.Net's untyped writer in the layout pyarrow produces from a pandas frame (int64 ids, double lists in the
/// standard 3-level LIST group named list/element, no hpproxy metadata).
/// </summary>
public sealed class RldsImportTests : IDisposable
{
    private readonly DatasetFixture _f = new();

    public void Dispose() => _f.Dispose();

    private string WriteForeign(string name, IReadOnlyList<RecordedEpisode> episodes, bool withReward, bool withEpisodeId = true, bool withTerminal = true)
    {
        var fields = new List<Field>();
        if (withEpisodeId) fields.Add(new DataField<long>("episode_id"));
        fields.Add(new ListField("observation", new DataField<double>("element")));
        fields.Add(new ListField("action", new DataField<double>("element")));
        if (withReward) fields.Add(new DataField<double>("reward"));
        fields.Add(new DataField<bool>("is_first"));
        fields.Add(new DataField<bool>("is_last"));
        if (withTerminal) fields.Add(new DataField<bool>("is_terminal"));
        fields.Add(new DataField<string>("comment")); // ignored
        var rows = new List<IDictionary<string, object?>>();
        foreach (var e in episodes)
        {
            for (int t = 0; t < e.StepCount; t++)
            {
                var row = new Dictionary<string, object?>
                {
                    ["observation"] = e.Observation(t).ToArray().Select(v => (double)v).ToList(),
                    ["action"] = e.Action(t).ToArray().Select(v => (double)v).ToList(),
                    ["is_first"] = e.IsFirst(t),
                    ["is_last"] = e.IsLast(t),
                    ["comment"] = "x",
                };
                if (withEpisodeId) row["episode_id"] = 1000L + e.Metadata.Index;
                if (withReward) row["reward"] = e.Rewards[t].Value;
                if (withTerminal) row["is_terminal"] = e.IsTerminal(t);
                rows.Add(row);
            }
        }
        Directory.CreateDirectory(_f.Dir);
        string path = Path.Combine(_f.Dir, name);
        using var stream = File.Create(path);
        ParquetSerializer.SerializeUntypedAsync(rows, new ParquetSchema(fields), stream).GetAwaiter().GetResult();
        return path;
    }

    [Fact]
    public void A_foreign_file_with_rewards_imports_to_the_same_episodes()
    {
        var episodes = DatasetFixture.Generate(3);
        string path = WriteForeign("foreign.parquet", episodes, withReward: true);
        var (info, read) = RldsImport.Read(path, DatasetFixture.Pendulum, "human");
        Assert.Equal(("pendulum", "human", RldsImport.ImportedRegime, true), (info.Task, info.Demonstrator, info.Regime, info.HasRewards));
        // Rewards were doubles already: identical; observations/actions went float → double → float: identical.
        DatasetFixture.AssertSame(episodes, read);
        Assert.Equal([0, 1, 2], read.Select(e => e.Metadata.Index));
    }

    [Fact]
    public void Without_rewards_the_dataset_is_marked_and_the_mark_survives_a_write()
    {
        var episodes = DatasetFixture.Generate(2);
        string path = WriteForeign("norewards.parquet", episodes, withReward: false, withEpisodeId: false);
        var (info, read) = RldsImport.Read(path, DatasetFixture.Pendulum, null);
        Assert.False(info.HasRewards);
        Assert.Equal("imported", info.Demonstrator);
        DatasetFixture.AssertSame(episodes, read, rewards: false);
        Assert.All(read, e => Assert.All(e.Rewards, r => Assert.Equal(0, r.Value)));

        string ours = Path.Combine(_f.Dir, "ours.parquet");
        DemonstrationDataset.Write(ours, info, read);
        Assert.False(DemonstrationDataset.ReadInfo(ours).HasRewards);
        Assert.False(new DemonstrationFileInspector(DatasetFixture.FindTask).Inspect(ours).Facts!.HasRewards);
    }

    [Fact]
    public void Termination_comes_from_is_terminal()
    {
        var e = DatasetFixture.Generate(1)[0];
        var terminated = new RecordedEpisode(e.Metadata, e.ObservationSize, e.ActionSize, e.Observations, e.Actions, e.Rewards, terminated: true);
        var (_, read) = RldsImport.Read(WriteForeign("t.parquet", [terminated], withReward: true), DatasetFixture.Pendulum, null);
        Assert.True(Assert.Single(read).Terminated);
        var (_, truncated) = RldsImport.Read(WriteForeign("u.parquet", [terminated], withReward: true, withTerminal: false), DatasetFixture.Pendulum, null);
        Assert.False(Assert.Single(truncated).Terminated);
    }

    [Fact]
    public void Our_own_files_import_with_their_metadata()
    {
        var episodes = DatasetFixture.Generate(2);
        string path = _f.Write("ours.parquet", episodes);
        var (info, read) = RldsImport.Read(path, DatasetFixture.Pendulum, null);
        Assert.Equal(("scripted:human-like", "human-like"), (info.Demonstrator, info.Regime));
        DatasetFixture.AssertSame(episodes, read);
    }

    [Fact]
    public async Task A_missing_column_is_named()
    {
        var path = Path.Combine(_f.Dir, "noaction.parquet");
        Directory.CreateDirectory(_f.Dir);
        await using (var stream = File.Create(path))
        {
            await ParquetSerializer.SerializeUntypedAsync(
                [new Dictionary<string, object?> { ["episode_id"] = 1L, ["observation"] = new List<double> { 1, 2, 3 } }],
                new ParquetSchema(new DataField<long>("episode_id"), new ListField("observation", new DataField<double>("element"))), stream);
        }
        var e = Assert.Throws<InvalidDataException>(() => RldsImport.Read(path, DatasetFixture.Pendulum, null));
        Assert.Contains("no 'action' column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_that_breaks_the_RLDS_convention_is_named_with_its_row()
    {
        var episodes = DatasetFixture.Generate(1);
        var broken = new RecordedEpisode(episodes[0].Metadata, 3, 1, episodes[0].Observations, episodes[0].Actions, episodes[0].Rewards, false);
        string path = WriteForeign("ok.parquet", [broken], withReward: true);
        // An observation list of the wrong length (cart-pole has 5 values per observation).
        var cartPole = DatasetFixture.FindTask("cartpole-swingup")!;
        var e = Assert.Throws<InvalidDataException>(() => RldsImport.Read(path, cartPole, null));
        Assert.Contains("row 0 (episode 0, step 0): 'observation' has 3 values, the task expects 5", e.Message, StringComparison.Ordinal);
    }
}
