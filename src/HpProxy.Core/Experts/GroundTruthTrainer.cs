using HpProxy.Core.Agents;
using HpProxy.Core.Agents.Online;
using HpProxy.Core.Common;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Runs;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Experts;

/// <summary>
/// The ground-truth sanity mode (issue 3): trains the RL backbone of the online imitation algorithms (SAC or
/// TD3) on the task's TRUE reward and evaluates it at checkpoints, so a broken backbone can be told apart from
/// a broken imitation reward. Never part of a study or a selection: only <c>hpproxy sanity</c> and
/// <c>hpproxy expert train</c> build it.
/// <para>
/// Reward path: the learner steps a <see cref="RewardRecordingEnvironment"/> (reward-free to the agent) that
/// records each transition's true reward in a <see cref="TrueRewardTable"/>; the backbone's batches are scored
/// by <see cref="TrueTransitionReward"/> at sampling time through <see cref="OffPolicyRl.Create"/>'s injected
/// reward. Agents see no <see cref="IEnvironment"/> and no <see cref="OracleReward"/>.
/// </para>
/// </summary>
public sealed class GroundTruthTrainer
{
    private readonly Func<IEnvironment> _createTask;
    private readonly GroundTruthConfig _config;
    private readonly GroundTruthSetup _setup;
    private readonly IEnvironment _evaluationTask;

    public GroundTruthTrainer(Func<IEnvironment> createTask, GroundTruthConfig config, GroundTruthSetup setup)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(config.Steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(config.Checkpoints, 1);
        if (!OffPolicyRl.Backbones.Contains(config.Backbone))
            throw new ArgumentException($"unknown backbone '{config.Backbone}'; known: {string.Join(", ", OffPolicyRl.Backbones)}", nameof(config));
        if (config.Hyperparameters.GetDouble("expert_mix", 0) != 0)
            throw new ArgumentException("expert_mix must be 0 in the ground-truth mode (demonstration rows have no recorded reward)", nameof(config));
        _createTask = createTask;
        _config = config;
        _setup = setup;
        var task = createTask();
        _evaluationTask = createTask();
        Table = new TrueRewardTable();
        var hp = WithBackbone(config.Hyperparameters, config.Backbone, setup.Normalize);
        var seeds = new SeedStreams(config.Seed);
        var empty = new DemonstrationSet("none", task.Info.ObservationSize, task.Info.ActionSize, []);
        var context = new AgentContext(task.Info, new RewardRecordingEnvironment(task, Table), empty, setup.Stats,
            seeds.Child("agent"), config.Steps, hp);
        Learner = (OnlineImitationLearner)OffPolicyRl.Create(context, new TrueTransitionReward(Table));
        Hyperparameters = hp;
        Seed = config.Seed;
        EvaluationSeed = seeds.SeedFor("evaluation");
    }

    public OnlineImitationLearner Learner { get; }

    public TrueRewardTable Table { get; }

    /// <summary>The hyperparameters the learner was built with (overrides + backbone + normalisation).</summary>
    public HyperparameterSet Hyperparameters { get; }

    public ulong EvaluationSeed { get; }

    /// <summary>The run's root seed (<see cref="GroundTruthConfig.Seed"/>).</summary>
    public ulong Seed { get; }

    public GroundTruthSetup Setup => _setup;

    public TaskInfo Task => _evaluationTask.Info;

    /// <summary>Trains to the end, evaluating at each checkpoint; <paramref name="onCheckpoint"/> sees each one as it comes.</summary>
    public IReadOnlyList<GroundTruthCheckpoint> Run(Action<GroundTruthCheckpoint>? onCheckpoint, CancellationToken cancellationToken)
    {
        var results = new List<GroundTruthCheckpoint>();
        var steps = RunExecutor.CheckpointSteps(_config.Steps, _config.Checkpoints);
        for (int i = 0; i < steps.Length; i++)
        {
            Learner.TrainUntil(steps[i], cancellationToken);
            double ret = Evaluate(cancellationToken);
            var checkpoint = new GroundTruthCheckpoint(i, steps[i], ret, _setup.References?.Normalize(ret) ?? double.NaN);
            results.Add(checkpoint);
            onCheckpoint?.Invoke(checkpoint);
        }
        return results;
    }

    /// <summary>Mean deterministic return on the run's fixed evaluation seeds.</summary>
    public double Evaluate(CancellationToken cancellationToken) =>
        RunExecutor.Evaluate(_evaluationTask, Learner.Policy, new EvaluationSpec(_config.EvaluationEpisodes, EvaluationSeed), cancellationToken).OracleReturn;

    /// <summary>A fresh task instance (for callers that roll the trained policy out themselves).</summary>
    public IEnvironment CreateTask() => _createTask();

    private static HyperparameterSet WithBackbone(HyperparameterSet hp, string backbone, bool normalize)
    {
        var values = hp.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        values["rl_algorithm"] = HpValue.Of(backbone);
        if (!values.ContainsKey("normalize_observations")) values["normalize_observations"] = HpValue.Of(normalize);
        return new HyperparameterSet(values);
    }
}
