using System.Globalization;

namespace HpProxy.Storage.Datasets;

/// <summary>
/// File-level metadata of a demonstration dataset (Parquet key-value metadata, keys prefixed "hpproxy.").
/// </summary>
/// <param name="Task">Task name.</param>
/// <param name="Demonstrator">Demonstrator name (e.g. "energy-shaping").</param>
/// <param name="Regime">"synthetic" or "human-like".</param>
/// <param name="ParametersJson">Regime parameters as JSON (noise scale, correlation, ...).</param>
/// <param name="ObservationSize">Length of every observation list.</param>
/// <param name="ActionSize">Length of every action list.</param>
public sealed record RldsDatasetInfo(string Task, string Demonstrator, string Regime, string ParametersJson, int ObservationSize, int ActionSize)
{
    /// <summary>Layout version written to every file; readers refuse other versions.</summary>
    public const string FormatVersion = "rlds-steps/1";

    private const string Prefix = "hpproxy.";

    /// <summary>Value of <c>hpproxy.rewards</c> when the <c>reward</c> column holds real rewards (the default: files
    /// without the key were all written with rewards).</summary>
    public const string RewardsRecorded = "recorded";

    /// <summary>Value of <c>hpproxy.rewards</c> for data imported without rewards: the <c>reward</c> column holds zeros
    /// that mean nothing, and a study must give the demonstrator's reference return itself.</summary>
    public const string RewardsAbsent = "absent";

    /// <summary>Whether the <c>reward</c> column holds real rewards (see <see cref="RewardsRecorded"/>).</summary>
    public bool HasRewards { get; init; } = true;

    public IReadOnlyDictionary<string, string> ToKeyValues() => new Dictionary<string, string>
    {
        [Prefix + "format"] = FormatVersion,
        [Prefix + "task"] = Task,
        [Prefix + "demonstrator"] = Demonstrator,
        [Prefix + "regime"] = Regime,
        [Prefix + "parameters"] = ParametersJson,
        [Prefix + "observation_size"] = ObservationSize.ToString(CultureInfo.InvariantCulture),
        [Prefix + "action_size"] = ActionSize.ToString(CultureInfo.InvariantCulture),
        [Prefix + "rewards"] = HasRewards ? RewardsRecorded : RewardsAbsent,
    };

    public static RldsDatasetInfo FromKeyValues(IReadOnlyDictionary<string, string> kv, string source)
    {
        string Get(string key) => kv.TryGetValue(Prefix + key, out var v)
            ? v
            : throw new InvalidDataException($"{source}: missing file metadata '{Prefix + key}'; not an HpProxy demonstration dataset");
        string format = Get("format");
        if (format != FormatVersion)
            throw new InvalidDataException($"{source}: dataset format '{format}' is not supported (expected '{FormatVersion}')");
        return new RldsDatasetInfo(
            Get("task"),
            Get("demonstrator"),
            Get("regime"),
            Get("parameters"),
            int.Parse(Get("observation_size"), CultureInfo.InvariantCulture),
            int.Parse(Get("action_size"), CultureInfo.InvariantCulture))
        {
            HasRewards = !kv.TryGetValue(Prefix + "rewards", out var rewards) || rewards switch
            {
                RewardsRecorded => true,
                RewardsAbsent => false,
                _ => throw new InvalidDataException($"{source}: file metadata '{Prefix}rewards' is '{rewards}' (expected '{RewardsRecorded}' or '{RewardsAbsent}')"),
            },
        };
    }
}
