using HpProxy.Core.Agents;
using HpProxy.Core.Common;
using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Proxies;

/// <summary>
/// Everything a proxy may read at a checkpoint. Rollouts are the deterministic evaluation episodes of this
/// checkpoint, reward-free.
/// </summary>
/// <param name="Policy">The deterministic policy at this checkpoint.</param>
/// <param name="Rollouts">The evaluation episodes (states and actions, no rewards).</param>
/// <param name="ValidationDemonstrations">Held-out demonstrations.</param>
/// <param name="TrainDemonstrations">Demonstrations the agent learned from.</param>
/// <param name="Stats">Frozen observation statistics of the train demonstrations.</param>
/// <param name="Learner">The learner, for its diagnostics and learned reward.</param>
/// <param name="Seeds">Seed streams for proxies that sample (subsampling, Sinkhorn, RND networks).</param>
public sealed record ProxyInputs(
    IPolicy Policy,
    IReadOnlyList<Trajectory> Rollouts,
    DemonstrationSet ValidationDemonstrations,
    DemonstrationSet TrainDemonstrations,
    ObservationStats Stats,
    ILearner Learner,
    SeedStreams Seeds);
