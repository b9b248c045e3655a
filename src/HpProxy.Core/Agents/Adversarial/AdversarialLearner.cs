using HpProxy.Core.Agents.Online;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Agents.Rewards;
using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Agents.Adversarial;

/// <summary>
/// The adversarial imitation reward: a discriminator D = σ(ℓ) trained to tell expert transitions (label 1) from
/// the agent's replay (label 0) with binary cross-entropy on logits, plus the optional regularisers Orsini et al.
/// 2021 study (gradient penalty, entropy bonus, mixup, dropout, spectral norm, weight decay). RL batches are
/// relabelled with the <em>current</em> D through a <see cref="RewardTransform"/> when sampled.
/// </summary>
public sealed class AdversarialLearner : IImitationReward
{
    private readonly AdversarialConfig _c;
    private readonly Mlp _d;
    private readonly Adam _opt;
    private readonly DiscriminatorInputs _inputs;
    private readonly ReplayBuffer _expert;
    private readonly RewardTransform _transform;
    private readonly Rng _rng, _dropoutRng;
    private readonly TransitionBatch _batch;
    private readonly int _half, _w;
    private readonly float[] _x, _xAgent, _labels, _grad, _interp;
    private readonly Dictionary<string, double> _diagnostics = new(StringComparer.Ordinal);
    private long _calls;

    public AdversarialLearner(AdversarialConfig config, AdversarialNetworks networks, ObservationEncoder encoder, int actionSize,
        ReplayBuffer expert, int maxRewardRows, Rng rng, Rng dropoutRng)
    {
        (_c, _d, _expert, _rng, _dropoutRng) = (config, networks.Discriminator, expert, rng, dropoutRng);
        _opt = new Adam(_d.Parameters, new AdamOptions { LearningRate = (float)config.DiscriminatorLearningRate, WeightDecay = (float)config.DiscriminatorWeightDecay });
        _transform = RewardTransform.Parse(config.RewardTransform);
        _half = Math.Max(1, config.DiscriminatorBatchSize / 2);
        int rows = Math.Max(2 * _half, maxRewardRows);
        _inputs = new DiscriminatorInputs(encoder, actionSize, config.DiscriminatorInput, rows);
        _w = _inputs.Width;
        _batch = new TransitionBatch(2 * _half, encoder.Size, actionSize);
        (_x, _xAgent, _interp) = (new float[rows * _w], new float[_half * _w], new float[_half * _w]);
        (_labels, _grad) = (new float[rows], new float[rows]);
        LearnedReward = new DiscriminatorReward(this, encoder, actionSize);
        // Recorded with every checkpoint (DESIGN.md correctness notes): the sign bias of the reward transform
        // (+1 survival, −1 termination, 0 none) and whether absorbing states neutralise it.
        _diagnostics["reward_bias"] = _transform.Bias switch { "survival" => 1, "termination" => -1, _ => 0 };
        _diagnostics["absorbing_states"] = encoder.HasAbsorbingIndicator ? 1 : 0;
    }

    public RewardTransform Transform => _transform;

    public Mlp Discriminator => _d;

    public IReadOnlyDictionary<string, double> Diagnostics => _diagnostics;

    public ILearnedReward? LearnedReward { get; }

    public void BeginEpisode()
    {
    }

    public float OnEnvironmentStep(ReadOnlySpan<float> observation, ReadOnlySpan<float> action) => 0f;

    /// <summary>One discriminator step (every <see cref="AdversarialConfig.DiscriminatorInterval"/> calls).</summary>
    public void Update(ReplayBuffer agentReplay, Rng rng)
    {
        if (_calls++ % _c.DiscriminatorInterval != 0) return;
        int h = _half;
        _expert.SampleInto(_batch, 0, h, _rng);
        agentReplay.SampleInto(_batch, h, h, _rng);
        _inputs.Build(_batch, 0, 2 * h, _x);
        int n = 2 * h;
        if (_c.Mixup)
        {
            // Mixup (Zhang et al. 2018): x = λ·x_E + (1 − λ)·x_π with soft label λ ~ U(0, 1) = Beta(1, 1).
            n = h;
            for (int r = 0; r < h; r++)
            {
                float lambda = _rng.NextFloat();
                _labels[r] = lambda;
                for (int k = 0; k < _w; k++) _x[r * _w + k] = lambda * _x[r * _w + k] + (1 - lambda) * _x[(h + r) * _w + k];
            }
        }
        else
        {
            for (int r = 0; r < n; r++) _labels[r] = r < h ? 1f : 0f; // expert label 1 ("logits expert is high")
        }
        if (_c.GradientPenalty > 0) Interpolate(h);

        _d.ZeroGrad();
        var logits = _d.Forward(_x.AsSpan(0, n * _w), n, training: true, _dropoutRng);
        // BCE on logits: mean[softplus(ℓ) − yℓ], d/dℓ = σ(ℓ) − y. The entropy bonus subtracts c·H(σ(ℓ)) with
        // H = softplus(ℓ) − σ(ℓ)ℓ and dH/dℓ = −ℓσ(1 − σ).
        double loss = 0, entropy = 0, correct = 0;
        float bonus = (float)_c.EntropyBonus;
        for (int r = 0; r < n; r++)
        {
            float l = logits[r], y = _labels[r], p = Losses.Sigmoid(l);
            float sp = Losses.Softplus(l);
            loss += sp - y * l;
            entropy += sp - p * l;
            if ((l > 0) == (y > 0.5f)) correct++;
            _grad[r] = (p - y + bonus * l * p * (1 - p)) / n;
        }
        loss = (loss - bonus * entropy) / n;
        _d.Backward(_grad.AsSpan(0, n));
        // Gradient penalty (Gulrajani et al. 2017; DAC): λ·mean(‖∇ₓD(x̂)‖ − 1)² on per-sample interpolations.
        float penalty = _c.GradientPenalty > 0 ? _d.GradientPenalty(_interp.AsSpan(0, h * _w), h, (float)_c.GradientPenalty) : 0f;
        _opt.Step();
        if (!double.IsFinite(loss) || !float.IsFinite(penalty)) throw new DivergenceException($"discriminator loss is {loss} (penalty {penalty})");
        _diagnostics["discriminator_loss"] = loss;
        _diagnostics["discriminator_gradient_penalty"] = penalty;
        _diagnostics["discriminator_accuracy"] = correct / n;
        _diagnostics["discriminator_entropy"] = entropy / n;
    }

    /// <summary>x̂ = u·x_E + (1 − u)·x_π with u ~ U(0, 1) drawn per sample (not per batch).</summary>
    private void Interpolate(int h)
    {
        // With mixup the first half was overwritten, so interpolate from the agent half and the mixed rows'
        // expert component is gone; use the rebuilt expert rows instead.
        if (_c.Mixup) _inputs.Build(_batch, 0, h, _interp);
        else _x.AsSpan(0, h * _w).CopyTo(_interp);
        _x.AsSpan(h * _w, h * _w).CopyTo(_xAgent);
        for (int r = 0; r < h; r++)
        {
            float u = _rng.NextFloat();
            for (int k = 0; k < _w; k++) _interp[r * _w + k] = u * _interp[r * _w + k] + (1 - u) * _xAgent[r * _w + k];
        }
    }

    public void Rewards(TransitionBatch batch, Span<float> rewards)
    {
        int capacity = _x.Length / _w;
        for (int start = 0; start < batch.Size; start += capacity)
        {
            int n = Math.Min(capacity, batch.Size - start);
            _inputs.Build(batch, start, n, _x);
            var logits = _d.Forward(_x.AsSpan(0, n * _w), n);
            for (int r = 0; r < n; r++) rewards[start + r] = (float)_transform.Apply(logits[r]);
        }
    }

    /// <summary>ℓ for one stored row (used by the learned-reward view).</summary>
    internal float Logit(TransitionBatch single)
    {
        _inputs.Build(single, 0, 1, _x);
        return _d.Forward(_x.AsSpan(0, _w), 1)[0];
    }
}
