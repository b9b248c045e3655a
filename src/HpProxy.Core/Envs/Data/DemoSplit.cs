namespace HpProxy.Core.Envs.Data;

/// <summary>
/// Splits recorded episodes by episode (never by step, SPEC.md §3) into the reward-free train and validation
/// <see cref="DemonstrationSet"/>s: the first <c>trainEpisodes</c> episodes train, the rest validate. Generated
/// episodes are i.i.d. draws, so taking them in order is an unbiased split and keeps it stable when the set grows.
/// </summary>
public static class DemoSplit
{
    public static (DemonstrationSet Train, DemonstrationSet Validation) Split(
        IReadOnlyList<RecordedEpisode> episodes, int trainEpisodes, string name)
    {
        if (episodes.Count == 0) throw new ArgumentException("no episodes to split", nameof(episodes));
        if (trainEpisodes < 1 || trainEpisodes > episodes.Count)
            throw new ArgumentOutOfRangeException(nameof(trainEpisodes), $"train episodes must be in [1, {episodes.Count}]");
        int o = episodes[0].ObservationSize, a = episodes[0].ActionSize;
        var train = episodes.Take(trainEpisodes).Select(e => e.ToTrajectory()).ToArray();
        var validation = episodes.Skip(trainEpisodes).Select(e => e.ToTrajectory()).ToArray();
        return (new DemonstrationSet(name + "/train", o, a, train), new DemonstrationSet(name + "/validation", o, a, validation));
    }

    /// <summary>Number of train episodes for a train fraction (rounded, at least 1, leaving at least one for validation when possible).</summary>
    public static int TrainCount(int total, double trainFraction)
    {
        if (total < 1) throw new ArgumentOutOfRangeException(nameof(total));
        if (!(trainFraction > 0 && trainFraction <= 1)) throw new ArgumentOutOfRangeException(nameof(trainFraction));
        int n = (int)Math.Round(total * trainFraction, MidpointRounding.AwayFromZero);
        if (trainFraction < 1 && total > 1) n = Math.Min(n, total - 1);
        return Math.Clamp(n, 1, total);
    }
}
