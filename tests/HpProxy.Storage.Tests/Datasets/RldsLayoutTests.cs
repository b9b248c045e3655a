using HpProxy.Storage.Datasets;
using Parquet;
using Parquet.Schema;

namespace HpProxy.Storage.Tests.Datasets;

/// <summary>
/// The on-disk layout the README documents for Python users, checked with Parquet.Net's low-level reader (pyarrow is
/// not installable on this machine, so no Python round trip runs here): column names and order, element types, the
/// standard 3-level list groups pyarrow reads as <c>list&lt;float&gt;</c>, and the file metadata keys.
/// </summary>
public sealed class RldsLayoutTests : IDisposable
{
    private readonly DatasetFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Columns_types_and_metadata_are_the_documented_ones()
    {
        string path = _f.Write("layout.parquet", DatasetFixture.Generate(2));
        await using var reader = await ParquetReader.CreateAsync(path);

        var columns = reader.Schema.Fields.Select(f => f switch
        {
            ListField l => $"{l.Name}: list<{((DataField)l.Item).ClrType.Name}>",
            DataField d => $"{d.Name}: {d.ClrType.Name}",
            _ => f.Name,
        }).ToList();
        Assert.Equal([
            "episode_id: Int32", "step: Int32", "observation: list<Single>", "action: list<Single>", "reward: Double", "discount: Single",
            "is_first: Boolean", "is_last: Boolean", "is_terminal: Boolean", "environment_seed: UInt64", "demonstrator_seed: UInt64",
        ], columns);
        // The standard LIST layout (group "list" repeated, leaf "element"), which pyarrow, pandas and Spark read as lists.
        var observation = (ListField)reader.Schema.Fields[2];
        Assert.Equal("observation/list/element", string.Join("/", ((DataField)observation.Item).Path.ToList()));

        Assert.Equal(
            ["hpproxy.action_size", "hpproxy.demonstrator", "hpproxy.format", "hpproxy.observation_size", "hpproxy.parameters", "hpproxy.regime", "hpproxy.rewards", "hpproxy.task"],
            reader.CustomMetadata.Keys.Where(k => k.StartsWith("hpproxy.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(RldsDatasetInfo.FormatVersion, reader.CustomMetadata["hpproxy.format"]);
        Assert.Equal(RldsDatasetInfo.RewardsRecorded, reader.CustomMetadata["hpproxy.rewards"]);
        Assert.Equal("pendulum", reader.CustomMetadata["hpproxy.task"]);
        // One row per RLDS step: 2 episodes of 200 transitions = 2 × 201 rows.
        Assert.Equal(402, Enumerable.Range(0, reader.RowGroupCount).Sum(i => reader.OpenRowGroupReader(i).RowCount));
    }

    [Fact]
    public void The_storage_readme_documents_every_column_and_key()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot.Find(), "README.md"));
        foreach (var column in new[] { "episode_id", "step", "observation", "action", "reward", "discount", "is_first", "is_last", "is_terminal", "environment_seed", "demonstrator_seed" })
            Assert.Contains("`" + column + "`", readme, StringComparison.Ordinal);
        foreach (var key in new RldsDatasetInfo("t", "d", "r", "{}", 1, 1).ToKeyValues().Keys)
            Assert.Contains("`" + key + "`", readme, StringComparison.Ordinal);
    }
}
