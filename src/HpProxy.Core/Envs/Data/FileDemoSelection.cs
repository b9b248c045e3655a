using HpProxy.Core.Common;

namespace HpProxy.Core.Envs.Data;

/// <summary>
/// Chooses the train and validation episodes of a demonstration set read from a file. Recorded files are often
/// ordered (by session, by operator, by date), so taking the first episodes could bias the split; instead the
/// file's episodes are put in a seeded random order (Fisher–Yates with <c>SeedStreams(seed).Create("file-order")</c>,
/// the seed being the set's <see cref="Studies.DemoSpec.Seed"/>) and the first <c>train</c> of that order train, the
/// next <c>validation</c> validate; any further episodes are unused. The same file, study seed, task and set name
/// give the same split in every process.
/// </summary>
public static class FileDemoSelection
{
    /// <param name="episodes">The file's episodes in file order.</param>
    /// <param name="trainEpisodes">Episodes to train on (≥ 1).</param>
    /// <param name="validationEpisodes">Held-out episodes (≥ 0).</param>
    /// <param name="seed">Seed of the order.</param>
    /// <param name="name">The set's name (names the two parts).</param>
    /// <param name="hasRewards">Whether the file's rewards are real (else they must not be averaged).</param>
    /// <param name="referenceReturn">The study's explicit demonstrator reference, if any: it wins over the file's returns.</param>
    public static GeneratedDemonstrations Select(IReadOnlyList<RecordedEpisode> episodes, int trainEpisodes, int validationEpisodes,
        ulong seed, string name, bool hasRewards, double? referenceReturn)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trainEpisodes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(validationEpisodes);
        int needed = trainEpisodes + validationEpisodes;
        if (needed > episodes.Count)
            throw new ArgumentException($"the file holds {episodes.Count} episodes; {needed} are needed (train {trainEpisodes} + validation {validationEpisodes})", nameof(episodes));
        var order = Order(episodes.Count, seed);
        var chosen = order.Take(needed).Select(i => episodes[i]).ToArray();
        var (train, validation) = DemoSplit.Split(chosen, trainEpisodes, name);
        double reference = referenceReturn
            ?? (hasRewards
                ? ReferenceReturnsMeter.ExpertReturn(chosen)
                : throw new InvalidOperationException($"demonstration set '{name}': the file has no rewards and no reference_return was given"));
        return new GeneratedDemonstrations(chosen, train, validation, reference);
    }

    /// <summary>The seeded order of <paramref name="count"/> episode positions.</summary>
    public static int[] Order(int count, ulong seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new SeedStreams(seed).Create("file-order").Shuffle(order.AsSpan());
        return order;
    }
}
