using HpProxy.Core.Agents.Online;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Agents.Sac;

/// <summary>
/// Soft actor-critic (Haarnoja et al. 2018, arXiv 1812.05905, Algorithm 1) as an off-policy backbone:
/// twin critics with Polyak targets, a tanh-Gaussian actor, a learned temperature α with target entropy −|A|.
/// All buffers are allocated once; an update allocates nothing.
/// </summary>
public sealed class SacLearner : IOffPolicyBackbone
{
    private readonly SacConfig _c;
    private readonly ObservationEncoder _encoder;
    private readonly SacNetworks _n;
    private readonly Adam _actorOpt, _q1Opt, _q2Opt, _alphaOpt;
    private readonly Parameter _logAlpha;
    private readonly Rng _rng;
    private readonly int _d, _a, _b;
    private readonly float _targetEntropy;
    private readonly float[] _obs, _next, _sa, _nextSa, _head, _eps, _act, _logp, _target, _grad, _gradQ1, _q2,
        _qIn1, _qIn2, _headGrad, _actGrad, _weights, _single;
    private readonly Dictionary<string, double> _metrics = new(StringComparer.Ordinal);

    public SacLearner(int observationSize, int actionSize, int batchSize, SacConfig config, ObservationEncoder encoder, Rng networkRng, Rng rng)
    {
        (_c, _encoder, _rng, _d, _a, _b) = (config, encoder, rng, observationSize, actionSize, batchSize);
        _n = new SacNetworks(observationSize, actionSize, config, networkRng);
        var opt = new AdamOptions { LearningRate = (float)config.LearningRate };
        (_actorOpt, _q1Opt, _q2Opt) = (new Adam(_n.Actor.Parameters, opt), new Adam(_n.Q1.Parameters, opt), new Adam(_n.Q2.Parameters, opt));
        _logAlpha = new Parameter("log_alpha", 1);
        _logAlpha.Value[0] = (float)Math.Log(config.InitialTemperature);
        _alphaOpt = new Adam([_logAlpha], new AdamOptions { LearningRate = (float)config.TemperatureLearningRate });
        _targetEntropy = (float)(-config.TargetEntropyScale * actionSize); // −|A|: SAC paper §5
        int b = batchSize;
        (_obs, _next) = (new float[b * _d], new float[b * _d]);
        (_sa, _nextSa) = (new float[b * (_d + _a)], new float[b * (_d + _a)]);
        (_head, _headGrad) = (new float[b * 2 * _a], new float[b * 2 * _a]);
        (_eps, _act, _actGrad) = (new float[b * _a], new float[b * _a], new float[b * _a]);
        (_logp, _target, _grad, _gradQ1, _weights, _q2) = (new float[b], new float[b], new float[b], new float[b], new float[b], new float[b]);
        (_qIn1, _qIn2) = (new float[b * (_d + _a)], new float[b * (_d + _a)]);
        _single = new float[_d];
    }

    public SacNetworks Networks => _n;

    public float Alpha => MathF.Exp(_logAlpha.Value[0]);

    public IReadOnlyDictionary<string, double> Metrics => _metrics;

    public void ExploreAction(ReadOnlySpan<float> storedObservation, Span<float> action)
    {
        _encoder.Encode(storedObservation, _single, 1);
        var head = _n.Actor.Forward(_single, 1);
        TanhGaussian.Sample(head, _a, _rng, _eps.AsSpan(0, _a), action, _logp.AsSpan(0, 1));
    }

    public void DeterministicAction(ReadOnlySpan<float> storedObservation, Span<float> action)
    {
        _encoder.Encode(storedObservation, _single, 1);
        TanhGaussian.Deterministic(_n.Actor.Forward(_single, 1), _a, action);
    }

    public void Update(TransitionBatch batch, ReadOnlySpan<float> rewards)
    {
        int b = batch.Size;
        _encoder.Encode(batch.Observations, _obs, b);
        _encoder.Encode(batch.NextObservations, _next, b);
        float alpha = Alpha;

        // Critic targets (eq. 3 with clipped double-Q): y = r + γ(1 − terminated)(min Q̄(s', a') − α log π(a'|s')),
        // a' ~ π(·|s'). Only termination stops the bootstrap; truncated transitions were stored as non-terminal.
        int ba = b * _a, bsa = b * (_d + _a);
        TanhGaussian.Sample(_n.Actor.Forward(_next.AsSpan(0, b * _d), b), _a, _rng, _eps.AsSpan(0, ba), _act.AsSpan(0, ba), _logp.AsSpan(0, b));
        Rows.Concat(_next, _d, _act, _a, _nextSa, b);
        var tq1 = _n.Q1Target.Forward(_nextSa.AsSpan(0, bsa), b);
        for (int i = 0; i < b; i++) _target[i] = tq1[i];
        var tq2 = _n.Q2Target.Forward(_nextSa.AsSpan(0, bsa), b);
        for (int i = 0; i < b; i++)
            _target[i] = rewards[i] + (float)_c.Discount * (1f - batch.Terminated[i]) * (MathF.Min(_target[i], tq2[i]) - alpha * _logp[i]);

        // Critic regression (eq. 5), both critics on the same targets.
        Rows.Concat(_obs, _d, batch.Actions, _a, _sa, b);
        float criticLoss = CriticStep(_n.Q1, _q1Opt, b) + CriticStep(_n.Q2, _q2Opt, b);

        // Actor (eq. 9, reparameterised): minimise mean[α log π(a|s) − min_i Q_i(s, a)], a = tanh(μ + σε).
        _n.Actor.ZeroGrad();
        var head = _n.Actor.Forward(_obs.AsSpan(0, b * _d), b);
        head.CopyTo(_head);
        var headRows = _head.AsSpan(0, 2 * ba);
        TanhGaussian.Sample(headRows, _a, _rng, _eps.AsSpan(0, ba), _act.AsSpan(0, ba), _logp.AsSpan(0, b));
        Rows.Concat(_obs, _d, _act, _a, _sa, b);
        // Input gradients are per row (no batch coupling), so each critic is differentiated once for every row and
        // the row of the smaller Q is kept. Only ∂Q/∂(s, a) is needed: BackwardInput skips the critics' weight
        // gradients (the next ZeroGrad would discard them), about a quarter of the update's products.
        for (int i = 0; i < b; i++) _gradQ1[i] = -1f / b;
        var q1 = _n.Q1.Forward(_sa.AsSpan(0, bsa), b);
        for (int i = 0; i < b; i++) _target[i] = q1[i];
        _n.Q1.BackwardInput(_gradQ1.AsSpan(0, b), _qIn1.AsSpan(0, bsa));
        _n.Q2.Forward(_sa.AsSpan(0, bsa), b).CopyTo(_q2);
        _n.Q2.BackwardInput(_gradQ1.AsSpan(0, b), _qIn2.AsSpan(0, bsa));
        float actorLoss = 0;
        for (int i = 0; i < b; i++)
        {
            bool firstIsMin = _target[i] <= _q2[i];
            actorLoss += alpha * _logp[i] - (firstIsMin ? _target[i] : _q2[i]);
            var chosen = firstIsMin ? _qIn1 : _qIn2;
            for (int j = 0; j < _a; j++) _actGrad[i * _a + j] = chosen[i * (_d + _a) + _d + j];
            _weights[i] = alpha / b;
        }
        TanhGaussian.SampleBackward(headRows, _a, _eps.AsSpan(0, ba), _actGrad.AsSpan(0, ba), _weights.AsSpan(0, b), _headGrad.AsSpan(0, 2 * ba));
        _n.Actor.Backward(_headGrad.AsSpan(0, 2 * ba));
        _actorOpt.Step();

        // Temperature (eq. 18): minimise −log α · mean(log π + H̄), i.e. raise α when the entropy is below target.
        float meanLogp = 0;
        for (int i = 0; i < b; i++) meanLogp += _logp[i] / b;
        _logAlpha.Grad[0] = -(meanLogp + _targetEntropy);
        _alphaOpt.Step();

        _n.Q1.SoftUpdateTo(_n.Q1Target, (float)_c.Tau);
        _n.Q2.SoftUpdateTo(_n.Q2Target, (float)_c.Tau);

        actorLoss /= b;
        if (!float.IsFinite(criticLoss) || !float.IsFinite(actorLoss) || !float.IsFinite(_logAlpha.Value[0]))
            throw new DivergenceException($"SAC diverged (critic loss {criticLoss}, actor loss {actorLoss}, log α {_logAlpha.Value[0]})");
        _metrics["critic_loss"] = criticLoss;
        _metrics["actor_loss"] = actorLoss;
        _metrics["temperature"] = Alpha;
        _metrics["policy_entropy"] = -meanLogp;
    }

    /// <summary>One Adam step on ½·mean (Q(s, a) − y)²; returns the loss.</summary>
    private float CriticStep(Mlp q, Adam optimizer, int b)
    {
        q.ZeroGrad();
        var pred = q.Forward(_sa.AsSpan(0, b * (_d + _a)), b);
        float loss = 0;
        for (int i = 0; i < b; i++)
        {
            float diff = pred[i] - _target[i];
            loss += 0.5f * diff * diff / b;
            _grad[i] = diff / b;
        }
        q.Backward(_grad.AsSpan(0, b));
        optimizer.Step();
        return loss;
    }
}
