using System.Globalization;
using HpProxy.Core.Common;

namespace HpProxy.Core.Envs.Data;

/// <summary>
/// Rolls a demonstrator in an environment and records RLDS episodes. Deterministic: episode i uses the
/// environment seed <c>SeedStreams(seed).Child("env").SeedFor(i)</c> and the demonstrator seed from the
/// "demonstrator" child stream, so the same (environment, demonstrator, seed) gives the same episodes, and a
/// longer set starts with the episodes of a shorter one.
/// </summary>
public static class DemoGenerator
{
    public static IReadOnlyList<RecordedEpisode> Generate(IEnvironment env, IDemonstrator demo, int episodes, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(episodes);
        var streams = new SeedStreams(seed);
        var envSeeds = streams.Child("env");
        var demoSeeds = streams.Child("demonstrator");
        var result = new RecordedEpisode[episodes];
        for (int i = 0; i < episodes; i++)
        {
            string key = i.ToString(CultureInfo.InvariantCulture);
            result[i] = Record(env, demo, i, envSeeds.SeedFor(key), demoSeeds.SeedFor(key));
        }
        return result;
    }

    /// <summary>
    /// Generates train + validation episodes in one deterministic set (episodes [0, train) train, the rest
    /// validate, <see cref="DemoSplit"/>) and the demonstrator's mean true return over all of them (the
    /// "expert" reference of the normalised score). Everything a demonstration source needs in one call.
    /// </summary>
    public static GeneratedDemonstrations GenerateSets(IEnvironment env, IDemonstrator demo,
        int trainEpisodes, int validationEpisodes, ulong seed, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trainEpisodes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(validationEpisodes);
        var episodes = Generate(env, demo, trainEpisodes + validationEpisodes, seed);
        var (train, validation) = DemoSplit.Split(episodes, trainEpisodes, name);
        return new GeneratedDemonstrations(episodes, train, validation, ReferenceReturnsMeter.ExpertReturn(episodes));
    }

    /// <summary>Records one episode from the given seeds.</summary>
    public static RecordedEpisode Record(IEnvironment env, IDemonstrator demo, int index, ulong envSeed, ulong demoSeed)
    {
        var info = env.Info;
        int o = info.ObservationSize, a = info.ActionSize;
        var observations = new float[(info.Horizon + 1) * o];
        var actions = new float[(info.Horizon + 1) * a];
        var rewards = new OracleReward[info.Horizon + 1];
        env.Reset(envSeed, observations.AsSpan(0, o));
        demo.Reset(demoSeed);
        int t = 0;
        bool terminated = false;
        while (t < info.Horizon)
        {
            var action = actions.AsSpan(t * a, a);
            demo.Act(observations.AsSpan(t * o, o), action);
            var step = env.Step(action, observations.AsSpan((t + 1) * o, o));
            rewards[t] = step.Reward;
            t++;
            if (step.Status.Terminated)
            {
                terminated = true;
                break;
            }
            if (step.Status.Truncated) break;
        }
        int steps = t + 1;
        return new RecordedEpisode(
            new EpisodeMetadata(info.Name, demo.Name, index, envSeed, demoSeed), o, a,
            observations.AsSpan(0, steps * o).ToArray(), actions.AsSpan(0, steps * a).ToArray(), rewards.AsSpan(0, steps).ToArray(), terminated);
    }
}
