using HpProxy.Core.Common;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Agents;

/// <summary>
/// Everything an algorithm may use to build a learner. Note what is absent: no reward, no
/// <see cref="IEnvironment"/>. Online algorithms interact with <see cref="Environment"/>, a reward-free view.
/// </summary>
/// <param name="Task">Sizes, horizon and whether episodes can terminate early.</param>
/// <param name="Environment">Reward-free training environment (offline algorithms ignore it).</param>
/// <param name="Demonstrations">Train part of the demonstration set.</param>
/// <param name="Stats">Observation statistics of the train demonstrations (frozen).</param>
/// <param name="Seeds">The run's seed streams; learners draw named streams from it.</param>
/// <param name="Budget">Total training steps in the algorithm's unit.</param>
/// <param name="Hyperparameters">The sampled configuration; unknown names were rejected at validation.</param>
public sealed record AgentContext(
    TaskInfo Task,
    IRewardFreeEnvironment Environment,
    DemonstrationSet Demonstrations,
    ObservationStats Stats,
    SeedStreams Seeds,
    long Budget,
    HyperparameterSet Hyperparameters);
