using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Experts;

/// <summary>
/// What a ground-truth run normalises with: observation statistics and reference returns.
/// With a demonstrator, both come from its episodes exactly as in a study (frozen demonstration statistics,
/// SPEC.md §3), so the sanity mode tests the backbone as studies configure it. Without one (a MuJoCo task
/// before its expert exists) the statistics are the identity (inputs unnormalised, as in the SAC paper) and
/// there is no expert return, so scores are NaN and only returns are reported.
/// </summary>
public sealed record GroundTruthSetup(ObservationStats Stats, bool Normalize, ReferenceReturns? References, double RandomReturn)
{
    /// <summary>Demonstration episodes for the statistics and the expert return. 10: ours (as the default study).</summary>
    public const int DemonstrationEpisodes = 10;

    /// <summary>Seed of those episodes (fixed, so the score scale does not depend on the run's seed).</summary>
    public const ulong DemonstrationSeed = 0xDE30_5EEDUL;

    public static GroundTruthSetup Create(Func<IEnvironment> createTask, IDemonstrator? demonstrator)
    {
        double random = ReferenceReturnsMeter.RandomReturn(createTask());
        if (demonstrator is null)
        {
            var info = createTask().Info;
            return new GroundTruthSetup(ObservationStats.Identity(info.ObservationSize), false, null, random);
        }
        var episodes = DemoGenerator.Generate(createTask(), demonstrator, DemonstrationEpisodes, DemonstrationSeed);
        var info2 = episodes[0];
        var set = new DemonstrationSet("ground-truth-reference", info2.ObservationSize, info2.ActionSize,
            episodes.Select(e => e.ToTrajectory()).ToArray());
        return new GroundTruthSetup(ObservationStats.FromDemonstrations(set), true,
            new ReferenceReturns(random, ReferenceReturnsMeter.ExpertReturn(episodes)), random);
    }
}
