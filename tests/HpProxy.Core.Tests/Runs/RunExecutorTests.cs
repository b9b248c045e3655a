using HpProxy.Core.Agents;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Proxies;
using HpProxy.Core.Runs;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Tests.Runs;

public class RunExecutorTests
{
    /// <summary>1-D task: x' = x + a; reward −|x|; horizon 5. Known returns make the oracle checkable by hand.</summary>
    private sealed class LineTask : IEnvironment
    {
        private float _x;
        private int _t;
        public TaskInfo Info { get; } = new("line", "test", 1, 1, 5, false, "test task");

        public void Reset(ulong seed, Span<float> observation)
        {
            _x = 1f;
            _t = 0;
            observation[0] = _x;
        }

        public OracleStep Step(ReadOnlySpan<float> action, Span<float> nextObservation)
        {
            _x += Math.Clamp(action[0], -1f, 1f);
            _t++;
            nextObservation[0] = _x;
            return new OracleStep(new StepStatus(false, _t >= Info.Horizon), new OracleReward(-Math.Abs(_x)));
        }
    }

    private sealed class ConstantPolicy(float value) : IPolicy
    {
        public void Act(ReadOnlySpan<float> observation, Span<float> action) => action[0] = value;
    }

    /// <summary>Moves its action from 0 to −1 over training; records what it was given.</summary>
    private sealed class ScriptedLearner(AgentContext context, bool diverge) : ILearner
    {
        public IPolicy Policy { get; private set; } = new ConstantPolicy(0f);
        public long StepsDone { get; private set; }
        public IReadOnlyDictionary<string, double> Diagnostics { get; } = new Dictionary<string, double>();
        public ILearnedReward? LearnedReward => null;
        public AgentContext Context { get; } = context;

        public void TrainUntil(long step, CancellationToken cancellationToken)
        {
            if (diverge && step > Context.Budget / 2) throw new DivergenceException("loss is NaN at step " + step);
            StepsDone = step;
            Policy = new ConstantPolicy(-(float)step / Context.Budget);
        }
    }

    private sealed class ScriptedAlgorithm(bool diverge) : IAlgorithm
    {
        public List<ScriptedLearner> Created { get; } = [];
        public string Name => "scripted";
        public bool IsOnline => false;
        public IReadOnlyList<HyperparameterInfo> Hyperparameters => [];
        public IReadOnlyList<string> Validate(HyperparameterSet hyperparameters) => [];

        public ILearner Create(AgentContext context)
        {
            var learner = new ScriptedLearner(context, diverge);
            Created.Add(learner);
            return learner;
        }
    }

    /// <summary>Mean final state of the rollouts: a reward-free number the test can predict.</summary>
    private sealed class FinalStateProxy : IProxy
    {
        public string Name => "final_state";
        public ProxyDirection Direction => ProxyDirection.LowerIsBetter;
        public ProxyReads Reads => ProxyReads.AgentRollouts;
        public string Description => "test";
        public double Compute(ProxyInputs inputs) => inputs.Rollouts.Average(r => r.Observation(r.Length)[0]);
    }

    private sealed class FixedDemos : IDemonstrationSource
    {
        public DemonstrationData Get(string task, DemoSpec spec)
        {
            var episode = new Trajectory(1, 1, [1f, 0f], [-1f], false);
            var set = new DemonstrationSet("d", 1, 1, [episode]);
            return new DemonstrationData(set, set, -2.0);
        }
    }

    private static RunSpec Spec(long budget = 10, int checkpoints = 2) => new(
        "line",
        new DemoSpec("d", "scripted", "synthetic", HyperparameterSet.Empty, 1, 1, 7),
        "scripted", "c0", HyperparameterSet.Empty, 0, budget, checkpoints,
        new EvaluationSpec(3, 11), [new ProxySpec("final_state", HyperparameterSet.Empty)]);

    private static (RunExecutor Executor, ScriptedAlgorithm Algorithm) Executor(bool diverge = false)
    {
        var algorithm = new ScriptedAlgorithm(diverge);
        var services = new RunServices(_ => new LineTask(), _ => algorithm, _ => new FinalStateProxy(), new FixedDemos());
        return (new RunExecutor(services), algorithm);
    }

    [Fact]
    public void Checkpoints_are_evenly_spaced_and_end_at_the_budget()
    {
        Assert.Equal([3L, 6L, 10L], RunExecutor.CheckpointSteps(10, 3));
        Assert.Equal([5L], RunExecutor.CheckpointSteps(5, 1));
    }

    [Fact]
    public void Records_oracle_normalised_score_and_proxies_at_every_checkpoint()
    {
        var (executor, _) = Executor();
        var outcome = executor.Execute(Spec(), new ReferenceReturns(Random: -30, Expert: -2), null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        Assert.Equal(2, outcome.Checkpoints.Count);
        // Checkpoint 0 (step 5 of 10): action −0.5, x = 0.5, 0, −0.5, −1, −1.5 → return −(0.5+0+0.5+1+1.5) = −3.5.
        Assert.Equal(-3.5, outcome.Checkpoints[0].OracleReturn, 6);
        Assert.Equal((-3.5 + 30) / 28, outcome.Checkpoints[0].NormalizedScore, 6);
        Assert.Equal(-1.5, outcome.Checkpoints[0].Proxies["final_state"], 6);
        // Checkpoint 1 (step 10): action −1, x = 0, −1, −2, −3, −4 → return −10.
        Assert.Equal(-10, outcome.Checkpoints[1].OracleReturn, 6);
        Assert.Equal(10, outcome.Checkpoints[1].Step);
    }

    [Fact]
    public void The_agent_gets_a_reward_free_view_of_the_task()
    {
        var (executor, algorithm) = Executor();
        executor.Execute(Spec(), new ReferenceReturns(-30, -2), null, CancellationToken.None);
        var env = Assert.Single(algorithm.Created).Context.Environment;
        Assert.IsType<RewardFreeEnvironment>(env);
        Assert.IsNotAssignableFrom<IEnvironment>(env);
    }

    [Fact]
    public void Divergence_becomes_a_failed_outcome_with_its_reason_and_keeps_earlier_checkpoints()
    {
        var (executor, _) = Executor(diverge: true);
        var outcome = executor.Execute(Spec(budget: 10, checkpoints: 2), new ReferenceReturns(-30, -2), null, CancellationToken.None);
        Assert.False(outcome.Succeeded);
        Assert.Contains("loss is NaN", outcome.FailureReason);
        Assert.Single(outcome.Checkpoints);
    }

    [Fact]
    public void Same_spec_gives_the_same_numbers_and_seed()
    {
        var (a, _) = Executor();
        var (b, _) = Executor();
        var x = a.Execute(Spec(), new ReferenceReturns(-30, -2), null, CancellationToken.None);
        var y = b.Execute(Spec(), new ReferenceReturns(-30, -2), null, CancellationToken.None);
        Assert.Equal(x.Checkpoints.Select(c => c.OracleReturn), y.Checkpoints.Select(c => c.OracleReturn));
        Assert.Equal(RunExecutor.RootSeed(Spec()), RunExecutor.RootSeed(Spec()));
        Assert.NotEqual(RunExecutor.RootSeed(Spec()), RunExecutor.RootSeed(Spec() with { Seed = 1 }));
    }

    [Fact]
    public void Cancellation_propagates()
    {
        var (executor, _) = Executor();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => executor.Execute(Spec(), new ReferenceReturns(-30, -2), null, cts.Token));
    }
}
