using System.Globalization;
using HpProxy.Core.Common;

namespace HpProxy.Core.Envs.Data;

/// <summary>
/// Reference returns for the normalised score (SPEC.md §3): random = mean return of uniform random actions
/// in [-1, 1]^A over at least 100 episodes with a fixed seed; expert = mean return of the demonstration episodes.
/// </summary>
public static class ReferenceReturnsMeter
{
    public const int DefaultRandomEpisodes = 100;       // SPEC.md §3: ≥ 100 episodes
    public const ulong DefaultRandomSeed = 0x5EED_0F_4A2D0UL; // fixed once; changing it changes every normalised score

    public static ReferenceReturns Measure(IEnvironment env, IReadOnlyList<RecordedEpisode> demonstrations,
        int randomEpisodes = DefaultRandomEpisodes, ulong seed = DefaultRandomSeed) =>
        new(RandomReturn(env, randomEpisodes, seed), ExpertReturn(demonstrations));

    public static double ExpertReturn(IReadOnlyList<RecordedEpisode> demonstrations)
    {
        if (demonstrations.Count == 0) throw new ArgumentException("no demonstrations", nameof(demonstrations));
        return demonstrations.Average(e => e.Return());
    }

    /// <summary>Mean return of uniform random actions; episode i resets with the "env"/i seed and draws actions from the "actions"/i stream.</summary>
    public static double RandomReturn(IEnvironment env, int episodes = DefaultRandomEpisodes, ulong seed = DefaultRandomSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(episodes, 1);
        var info = env.Info;
        var obs = new float[info.ObservationSize];
        var action = new float[info.ActionSize];
        var streams = new SeedStreams(seed);
        double total = 0;
        for (int i = 0; i < episodes; i++)
        {
            string key = i.ToString(CultureInfo.InvariantCulture);
            var rng = streams.Child("actions").Create(key);
            env.Reset(streams.Child("env").SeedFor(key), obs);
            while (true)
            {
                for (int j = 0; j < action.Length; j++) action[j] = (float)rng.Uniform(-1, 1);
                var step = env.Step(action, obs);
                total += step.Reward.Value;
                if (step.Status.EpisodeOver) break;
            }
        }
        return total / episodes;
    }
}
