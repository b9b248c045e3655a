using Parquet;
using Parquet.Serialization;

namespace HpProxy.Storage.Datasets;

/// <summary>
/// Reads and writes RLDS step rows as one Parquet file (Snappy-compressed), with <see cref="RldsDatasetInfo"/>
/// as file metadata. Reading it from Python (pyarrow):
/// <code>
/// import json, pyarrow.parquet as pq
/// table = pq.read_table("demos.parquet")           # episode_id, step, observation (list&lt;float&gt;), action, reward, ...
/// meta = {k.decode(): v.decode() for k, v in table.schema.metadata.items() if k.startswith(b"hpproxy.")}
/// params = json.loads(meta["hpproxy.parameters"])
/// df = table.to_pandas()                           # one row per step
/// for eid, ep in df.groupby("episode_id"):
///     obs = np.stack(ep["observation"].to_numpy())  # (T+1, observation_size)
///     ret = ep["reward"][~ep["is_last"]].sum()      # the last step's reward is unused
/// </code>
/// </summary>
public static class RldsParquetFile
{
    public static async Task WriteAsync(Stream stream, RldsDatasetInfo info, IEnumerable<RldsStepRow> rows, CancellationToken ct = default)
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await ParquetSerializer.SerializeAsync(rows, stream, options, info.ToKeyValues(), ct).ConfigureAwait(false);
    }

    public static async Task<(RldsDatasetInfo Info, IList<RldsStepRow> Rows)> ReadAsync(Stream stream, string source, CancellationToken ct = default)
    {
        var result = await ParquetSerializer.DeserializeAsync<RldsStepRow>(stream, cancellationToken: ct).ConfigureAwait(false);
        return (RldsDatasetInfo.FromKeyValues(result.CustomMetadata, source), result.Data);
    }

    /// <summary>The file metadata only (reads the footer, not the rows).</summary>
    public static async Task<RldsDatasetInfo> ReadInfoAsync(Stream stream, string source, CancellationToken ct = default)
    {
        await using var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true, cancellationToken: ct).ConfigureAwait(false);
        return RldsDatasetInfo.FromKeyValues(reader.CustomMetadata, source);
    }
}
