using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Common;

namespace HpProxy.Core.Agents.Online;

/// <summary>
/// The interaction loop every online imitation algorithm shares (Acme's "builder" role): act, store the
/// transition (with absorbing rows when on), and after the warm-up run, per environment step,
/// <see cref="OnlineConfig.UpdatesPerStep"/> times: a reward update, then an RL update on a freshly sampled
/// batch whose rewards are computed now by the current reward (never stored at collection time).
/// Budget unit: environment steps.
/// </summary>
public sealed class OnlineImitationLearner : ILearner
{
    private readonly OnlineConfig _config;
    private readonly RolloutCollector _collector;
    private readonly AbsorbingStates _absorbing;
    private readonly ReplayBuffer _replay;
    private readonly ReplayBuffer? _expertReplay;
    private readonly IImitationReward _reward;
    private readonly IOffPolicyBackbone _backbone;
    private readonly Rng _replayRng;
    private readonly Rng _explorationRng;
    private readonly TransitionBatch _batch;
    private readonly float[] _rewards;
    private readonly float[] _storedObservation;
    private readonly float[] _action;
    private readonly int _expertRows;
    private readonly Dictionary<string, double> _diagnostics = new(StringComparer.Ordinal);

    /// <param name="context">The run's context (environment, seeds, budget).</param>
    /// <param name="config">Loop hyperparameters.</param>
    /// <param name="absorbing">Absorbing-state handling (disabled for tasks that never terminate early).</param>
    /// <param name="reward">The imitation reward.</param>
    /// <param name="backbone">The RL learner; built on <paramref name="absorbing"/>'s stored observation size.</param>
    /// <param name="expertReplay">Demonstration transitions, for <see cref="OnlineConfig.ExpertMix"/>; null if unused.</param>
    /// <param name="prefill">Transitions written to the agent replay before training (PWIL's expert prefill).</param>
    public OnlineImitationLearner(AgentContext context, OnlineConfig config, AbsorbingStates absorbing,
        IImitationReward reward, IOffPolicyBackbone backbone, ReplayBuffer? expertReplay = null,
        Action<ReplayBuffer>? prefill = null, int prefillRows = 0)
    {
        _config = config;
        _absorbing = absorbing;
        _reward = reward;
        _backbone = backbone;
        _expertReplay = expertReplay;
        var task = context.Task;
        _collector = new RolloutCollector(context.Environment, context.Seeds.Create("training_env"));
        _replayRng = context.Seeds.Create("replay");
        _explorationRng = context.Seeds.Create("warmup");
        // Room for every step (two rows when an episode terminates into the absorbing state) and the prefill.
        long needed = context.Budget * (absorbing.Enabled ? 2 : 1) + prefillRows + 1;
        _replay = new ReplayBuffer((int)Math.Min(config.ReplayCapacity + (long)prefillRows, needed), absorbing.StoredObservationSize, task.ActionSize);
        prefill?.Invoke(_replay);
        _batch = new TransitionBatch(config.BatchSize, absorbing.StoredObservationSize, task.ActionSize);
        _rewards = new float[config.BatchSize];
        _storedObservation = new float[absorbing.StoredObservationSize];
        _action = new float[task.ActionSize];
        _expertRows = expertReplay is null ? 0 : (int)Math.Round(config.ExpertMix * config.BatchSize);
        Policy = new BackbonePolicy(backbone, absorbing);
    }

    public IPolicy Policy { get; }

    public long StepsDone { get; private set; }

    public long Updates { get; private set; }

    /// <summary>The RL backbone (e.g. to save a trained SAC actor as an expert, outside Agents).</summary>
    public IOffPolicyBackbone Backbone => _backbone;

    public IReadOnlyDictionary<string, double> Diagnostics
    {
        get
        {
            foreach (var (k, v) in _reward.Diagnostics) _diagnostics[k] = v;
            foreach (var (k, v) in _backbone.Metrics) _diagnostics[k] = v;
            return _diagnostics;
        }
    }

    public ILearnedReward? LearnedReward => _reward.LearnedReward;

    public void TrainUntil(long step, CancellationToken cancellationToken)
    {
        while (StepsDone < step)
        {
            if ((StepsDone & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (_collector.NeedsReset)
            {
                _collector.Reset();
                _reward.BeginEpisode();
            }
            _absorbing.Augment(_collector.Observation, _storedObservation);
            if (StepsDone < _config.WarmupSteps)
            {
                for (int j = 0; j < _action.Length; j++) _action[j] = (float)_explorationRng.Uniform(-1, 1);
            }
            else
            {
                _backbone.ExploreAction(_storedObservation, _action);
            }
            float stored = _reward.OnEnvironmentStep(_collector.Observation, _action);
            var status = _collector.Step(_action);
            _absorbing.Store(_replay, _collector.Observation, _action, _collector.NextObservation, status.Terminated, stored);
            _collector.Advance();
            StepsDone++;
            if (StepsDone < _config.WarmupSteps) continue;
            for (int u = 0; u < _config.UpdatesPerStep; u++) Update();
        }
    }

    private void Update()
    {
        _reward.Update(_replay, _replayRng);
        if (_expertRows > 0) _expertReplay!.SampleInto(_batch, 0, _expertRows, _replayRng);
        _replay.SampleInto(_batch, _expertRows, _batch.Capacity - _expertRows, _replayRng);
        _batch.Size = _batch.Capacity;
        _reward.Rewards(_batch, _rewards);
        for (int i = 0; i < _rewards.Length; i++)
        {
            if (!float.IsFinite(_rewards[i])) throw new DivergenceException($"non-finite imitation reward at update {Updates}");
        }
        _backbone.Update(_batch, _rewards);
        Updates++;
    }

    /// <summary>The deterministic policy on raw environment observations (indicator 0 appended when needed).</summary>
    private sealed class BackbonePolicy(IOffPolicyBackbone backbone, AbsorbingStates absorbing) : IPolicy
    {
        private readonly float[] _stored = new float[absorbing.StoredObservationSize];

        public void Act(ReadOnlySpan<float> observation, Span<float> action)
        {
            absorbing.Augment(observation, _stored);
            backbone.DeterministicAction(_stored, action);
        }
    }
}
