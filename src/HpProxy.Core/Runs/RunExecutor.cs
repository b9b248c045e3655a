using System.Diagnostics;
using HpProxy.Core.Agents;
using HpProxy.Core.Common;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Proxies;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Runs;

/// <summary>
/// Executes one run: builds the demonstrations and the agent, trains to each checkpoint, evaluates the
/// deterministic policy on the study's fixed evaluation seeds, and scores the checkpoint with every proxy.
/// This is the one place that holds the true task (<see cref="IEnvironment"/>): the agent gets a
/// <see cref="RewardFreeEnvironment"/>, proxies get reward-free <see cref="Trajectory"/>s, and the oracle
/// return stays in this class's locals until it is written into the <see cref="CheckpointResult"/>.
/// </summary>
public sealed class RunExecutor(RunServices services)
{
    /// <summary>Runs to completion. Divergence and exceptions become a failed outcome with the reason;
    /// only cancellation propagates (the caller lost its lease or is shutting down).</summary>
    public RunOutcome Execute(RunSpec spec, ReferenceReturns references, Action<CheckpointResult>? onCheckpoint, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var checkpoints = new List<CheckpointResult>();
        try
        {
            Train(spec, references, checkpoints, onCheckpoint, clock, cancellationToken);
            return new RunOutcome(true, null, checkpoints, clock.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (DivergenceException e)
        {
            return new RunOutcome(false, "diverged: " + e.Message, checkpoints, clock.Elapsed.TotalSeconds);
        }
        catch (Exception e)
        {
            return new RunOutcome(false, $"{e.GetType().Name}: {e.Message}", checkpoints, clock.Elapsed.TotalSeconds);
        }
    }

    /// <summary>The run's root seed: the run id's 64 bits, so the same spec always gives the same numbers.</summary>
    public static ulong RootSeed(RunSpec spec) => Convert.ToUInt64(RunSpecJson.RunId(spec)[..16], 16);

    /// <summary>Checkpoint steps: evenly spaced over the budget, the last one at the end of training.</summary>
    public static long[] CheckpointSteps(long budget, int checkpoints)
    {
        var steps = new long[checkpoints];
        for (int i = 0; i < checkpoints; i++) steps[i] = budget * (i + 1) / checkpoints;
        return steps;
    }

    private void Train(RunSpec spec, ReferenceReturns references, List<CheckpointResult> checkpoints,
        Action<CheckpointResult>? onCheckpoint, Stopwatch clock, CancellationToken cancellationToken)
    {
        var seeds = new SeedStreams(RootSeed(spec));
        var demos = services.Demonstrations.Get(spec.Task, spec.Demonstrations);
        var stats = ObservationStats.FromDemonstrations(demos.Train);
        var trainingTask = services.CreateTask(spec.Task);
        var algorithm = services.FindAlgorithm(spec.Algorithm);
        var context = new AgentContext(trainingTask.Info, new RewardFreeEnvironment(trainingTask), demos.Train, stats,
            seeds.Child("agent"), spec.Budget, spec.Hyperparameters);
        var learner = algorithm.Create(context);
        var proxies = spec.Proxies.Select(services.CreateProxy).ToArray();
        var evaluationTask = services.CreateTask(spec.Task);

        // Proxies sample (subsets, Sinkhorn, RND) with seeds fixed per study, not per run, so that two runs
        // are compared on the same subsamples.
        var proxySeeds = new SeedStreams(spec.Evaluation.Seed).Child("proxies");
        var steps = CheckpointSteps(spec.Budget, spec.Checkpoints);
        for (int index = 0; index < steps.Length; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            learner.TrainUntil(steps[index], cancellationToken);
            var (rollouts, oracleReturn) = Evaluate(evaluationTask, learner.Policy, spec.Evaluation, cancellationToken);
            var inputs = new ProxyInputs(learner.Policy, rollouts, demos.Validation, demos.Train, stats, learner, proxySeeds);
            var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var proxy in proxies) values[proxy.Name] = proxy.Compute(inputs);
            var result = new CheckpointResult(index, steps[index], oracleReturn, references.Normalize(oracleReturn), values,
                clock.Elapsed.TotalSeconds);
            checkpoints.Add(result);
            onCheckpoint?.Invoke(result);
        }
    }

    /// <summary>
    /// Deterministic evaluation (SPEC.md §5): E episodes on seeds fixed by the study, policy without noise.
    /// Returns the reward-free rollouts (for proxies) and the mean true return (the oracle, for analysis only).
    /// </summary>
    public static (IReadOnlyList<Trajectory> Rollouts, double OracleReturn) Evaluate(
        IEnvironment task, IPolicy policy, EvaluationSpec evaluation, CancellationToken cancellationToken)
    {
        var info = task.Info;
        var episodeSeeds = new SeedStreams(evaluation.Seed).Child("evaluation");
        var rollouts = new List<Trajectory>(evaluation.Episodes);
        double totalReturn = 0;
        var action = new float[info.ActionSize];
        for (int episode = 0; episode < evaluation.Episodes; episode++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var observations = new List<float>((info.Horizon + 1) * info.ObservationSize);
            var actions = new List<float>(info.Horizon * info.ActionSize);
            var observation = new float[info.ObservationSize];
            var next = new float[info.ObservationSize];
            task.Reset(episodeSeeds.SeedFor(episode.ToString(System.Globalization.CultureInfo.InvariantCulture)), observation);
            observations.AddRange(observation);
            double episodeReturn = 0;
            bool terminated = false;
            for (int t = 0; t < info.Horizon; t++)
            {
                policy.Act(observation, action);
                foreach (float a in action)
                {
                    if (!float.IsFinite(a)) throw new DivergenceException($"non-finite action at evaluation (episode {episode}, step {t})");
                }
                var step = task.Step(action, next);
                episodeReturn += step.Reward.Value;
                actions.AddRange(action);
                observations.AddRange(next);
                (observation, next) = (next, observation);
                if (step.Status.EpisodeOver)
                {
                    terminated = step.Status.Terminated;
                    break;
                }
            }
            rollouts.Add(new Trajectory(info.ObservationSize, info.ActionSize, observations.ToArray(), actions.ToArray(), terminated));
            totalReturn += episodeReturn;
        }
        return (rollouts, totalReturn / Math.Max(1, evaluation.Episodes));
    }
}
