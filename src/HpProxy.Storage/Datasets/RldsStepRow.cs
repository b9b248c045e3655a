using System.Text.Json.Serialization;

namespace HpProxy.Storage.Datasets;

/// <summary>
/// One RLDS step as one Parquet row (Ramos et al. 2021, arXiv 2111.02767). An episode of T transitions has
/// T+1 rows, step 0..T: row t holds o_t, the action a_t taken there and the reward r_t it earned; row T holds
/// the final observation with a zero action and reward. <c>is_last &amp;&amp; !is_terminal</c> = truncated.
/// Column names are the RLDS ones, so pandas/pyarrow users see the familiar layout.
/// </summary>
public sealed class RldsStepRow
{
    [JsonPropertyName("episode_id")]
    public int EpisodeId { get; set; }

    [JsonPropertyName("step")]
    public int Step { get; set; }

    [JsonPropertyName("observation")]
    public List<float> Observation { get; set; } = [];

    [JsonPropertyName("action")]
    public List<float> Action { get; set; } = [];

    /// <summary>Oracle reward (for analysis and reference returns; agents never see it).</summary>
    [JsonPropertyName("reward")]
    public double Reward { get; set; }

    /// <summary>RLDS discount: 0 at a terminal step, 1 otherwise.</summary>
    [JsonPropertyName("discount")]
    public float Discount { get; set; }

    [JsonPropertyName("is_first")]
    public bool IsFirst { get; set; }

    [JsonPropertyName("is_last")]
    public bool IsLast { get; set; }

    [JsonPropertyName("is_terminal")]
    public bool IsTerminal { get; set; }

    /// <summary>Episode metadata, repeated on each row (dictionary/RLE encoding makes it nearly free).</summary>
    [JsonPropertyName("environment_seed")]
    public ulong EnvironmentSeed { get; set; }

    [JsonPropertyName("demonstrator_seed")]
    public ulong DemonstratorSeed { get; set; }
}
