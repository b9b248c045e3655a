using HpProxy.Storage.Datasets;
using Parquet;
using Parquet.Schema;

namespace HpProxy.Storage.Tests.Datasets;

public sealed class RldsParquetFileTests
{
    private static readonly RldsDatasetInfo Info = new("pendulum", "energy-shaping", "human-like", "{\"noise\":0.1}", 3, 1);

    private static List<RldsStepRow> Rows() =>
    [
        new() { EpisodeId = 0, Step = 0, Observation = [1f, 2f, 3f], Action = [0.5f], Reward = -1.25, Discount = 1, IsFirst = true, EnvironmentSeed = 11, DemonstratorSeed = ulong.MaxValue },
        new() { EpisodeId = 0, Step = 1, Observation = [float.NaN, float.PositiveInfinity, -0f], Action = [0f], Reward = 0, Discount = 0, IsLast = true, IsTerminal = true, EnvironmentSeed = 11, DemonstratorSeed = ulong.MaxValue },
    ];

    [Fact]
    public async Task Rows_and_file_metadata_round_trip()
    {
        using var ms = new MemoryStream();
        await RldsParquetFile.WriteAsync(ms, Info, Rows());
        ms.Position = 0;
        var (info, rows) = await RldsParquetFile.ReadAsync(ms, "memory");
        Assert.Equal(Info, info);
        Assert.Equal(2, rows.Count);
        var expected = Rows();
        for (int i = 0; i < rows.Count; i++)
        {
            var (a, b) = (expected[i], rows[i]);
            Assert.Equal((a.EpisodeId, a.Step, a.Reward, a.Discount, a.IsFirst, a.IsLast, a.IsTerminal, a.EnvironmentSeed, a.DemonstratorSeed),
                (b.EpisodeId, b.Step, b.Reward, b.Discount, b.IsFirst, b.IsLast, b.IsTerminal, b.EnvironmentSeed, b.DemonstratorSeed));
            Assert.Equal(a.Observation, b.Observation);
            Assert.Equal(a.Action, b.Action);
        }
        ms.Position = 0;
        Assert.Equal(Info, await RldsParquetFile.ReadInfoAsync(ms, "memory"));
    }

    [Fact]
    public async Task The_schema_uses_rlds_column_names_and_list_columns()
    {
        using var ms = new MemoryStream();
        await RldsParquetFile.WriteAsync(ms, Info, Rows());
        ms.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(ms);
        var names = reader.Schema.Fields.Select(f => f.Name).ToList();
        Assert.Equal(["episode_id", "step", "observation", "action", "reward", "discount", "is_first", "is_last", "is_terminal", "environment_seed", "demonstrator_seed"], names);
        Assert.IsType<ListField>(reader.Schema.Fields[2]);
        Assert.IsType<ListField>(reader.Schema.Fields[3]);
        Assert.Equal(typeof(float), ((DataField)((ListField)reader.Schema.Fields[2]).Item).ClrType);
    }

    [Fact]
    public async Task A_file_without_hpproxy_metadata_is_refused()
    {
        using var ms = new MemoryStream();
        await Parquet.Serialization.ParquetSerializer.SerializeAsync(Rows(), ms);
        ms.Position = 0;
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => RldsParquetFile.ReadAsync(ms, "plain.parquet"));
        Assert.Contains("plain.parquet", e.Message, StringComparison.Ordinal);
    }
}
