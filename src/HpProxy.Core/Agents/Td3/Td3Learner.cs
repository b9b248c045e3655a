using HpProxy.Core.Agents.Online;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Agents.Td3;

/// <summary>
/// TD3 (Fujimoto et al. 2018, arXiv 1802.09477, Algorithm 1) as an off-policy backbone: clipped double-Q
/// targets, target policy smoothing with noise drawn <em>per sample</em> (eq. 14), delayed actor and target
/// updates, Gaussian exploration noise. Allocation-free update.
/// </summary>
public sealed class Td3Learner : IOffPolicyBackbone
{
    private readonly Td3Config _c;
    private readonly ObservationEncoder _encoder;
    private readonly Td3Networks _n;
    private readonly Adam _actorOpt, _q1Opt, _q2Opt;
    private readonly Rng _rng;
    private readonly int _d, _a;
    private readonly float[] _obs, _next, _sa, _nextAct, _target, _grad, _act, _qIn, _actGrad, _single;
    private readonly Dictionary<string, double> _metrics = new(StringComparer.Ordinal);
    private long _updates;

    public Td3Learner(int observationSize, int actionSize, int batchSize, Td3Config config, ObservationEncoder encoder, Rng networkRng, Rng rng)
    {
        (_c, _encoder, _rng, _d, _a) = (config, encoder, rng, observationSize, actionSize);
        _n = new Td3Networks(observationSize, actionSize, config, networkRng);
        var opt = new AdamOptions { LearningRate = (float)config.LearningRate };
        (_actorOpt, _q1Opt, _q2Opt) = (new Adam(_n.Actor.Parameters, opt), new Adam(_n.Q1.Parameters, opt), new Adam(_n.Q2.Parameters, opt));
        int b = batchSize;
        (_obs, _next) = (new float[b * _d], new float[b * _d]);
        (_sa, _qIn) = (new float[b * (_d + _a)], new float[b * (_d + _a)]);
        (_nextAct, _act, _actGrad) = (new float[b * _a], new float[b * _a], new float[b * _a]);
        (_target, _grad) = (new float[b], new float[b]);
        _single = new float[_d];
    }

    public Td3Networks Networks => _n;

    public IReadOnlyDictionary<string, double> Metrics => _metrics;

    public void ExploreAction(ReadOnlySpan<float> storedObservation, Span<float> action)
    {
        DeterministicAction(storedObservation, action);
        for (int j = 0; j < _a; j++) action[j] = Math.Clamp(action[j] + (float)(_c.ExplorationNoise * _rng.NextGaussian()), -1f, 1f);
    }

    public void DeterministicAction(ReadOnlySpan<float> storedObservation, Span<float> action)
    {
        _encoder.Encode(storedObservation, _single, 1);
        var o = _n.Actor.Forward(_single, 1);
        for (int j = 0; j < _a; j++) action[j] = MathF.Tanh(o[j]);
    }

    /// <summary>Target action ã = clip(μ̄(s') + clip(ε, −c, c), −1, 1), ε ~ N(0, σ²) drawn for every sample and
    /// dimension (eq. 14). Drawing one ε per batch is a known silent bug; a test pins the per-sample draw.</summary>
    internal void TargetActions(ReadOnlySpan<float> next, int b, Span<float> actions)
    {
        var o = _n.ActorTarget.Forward(next[..(b * _d)], b);
        float c = (float)_c.NoiseClip;
        for (int k = 0; k < b * _a; k++)
        {
            float noise = Math.Clamp((float)(_c.PolicyNoise * _rng.NextGaussian()), -c, c);
            actions[k] = Math.Clamp(MathF.Tanh(o[k]) + noise, -1f, 1f);
        }
    }

    public void Update(TransitionBatch batch, ReadOnlySpan<float> rewards)
    {
        int b = batch.Size;
        _encoder.Encode(batch.Observations, _obs, b);
        _encoder.Encode(batch.NextObservations, _next, b);

        // y = r + γ(1 − terminated)·min(Q̄1, Q̄2)(s', ã) (eq. 15); truncation bootstraps (stored non-terminal).
        TargetActions(_next, b, _nextAct);
        Rows.Concat(_next, _d, _nextAct, _a, _sa, b);
        var t1 = _n.Q1Target.Forward(_sa.AsSpan(0, b * (_d + _a)), b);
        for (int i = 0; i < b; i++) _target[i] = t1[i];
        var t2 = _n.Q2Target.Forward(_sa.AsSpan(0, b * (_d + _a)), b);
        for (int i = 0; i < b; i++)
            _target[i] = rewards[i] + (float)_c.Discount * (1f - batch.Terminated[i]) * MathF.Min(_target[i], t2[i]);

        Rows.Concat(_obs, _d, batch.Actions, _a, _sa, b);
        float criticLoss = CriticStep(_n.Q1, _q1Opt, b) + CriticStep(_n.Q2, _q2Opt, b);
        if (!float.IsFinite(criticLoss)) throw new DivergenceException($"TD3 critic loss is {criticLoss}");
        _metrics["critic_loss"] = criticLoss;

        // Delayed policy update (§5.2): every d critic steps, ascend Q1(s, π(s)) (deterministic policy gradient),
        // then move all targets by τ.
        if (++_updates % _c.PolicyDelay != 0) return;
        _n.Actor.ZeroGrad();
        var o = _n.Actor.Forward(_obs.AsSpan(0, b * _d), b);
        for (int k = 0; k < b * _a; k++) _act[k] = MathF.Tanh(o[k]);
        Rows.Concat(_obs, _d, _act, _a, _sa, b);
        var q = _n.Q1.Forward(_sa.AsSpan(0, b * (_d + _a)), b);
        float actorLoss = 0;
        for (int i = 0; i < b; i++)
        {
            actorLoss -= q[i] / b;
            _grad[i] = -1f / b;
        }
        // Only ∂Q1/∂(s, a) is needed: BackwardInput skips Q1's weight gradients (the next ZeroGrad would discard them).
        _n.Q1.BackwardInput(_grad.AsSpan(0, b), _qIn.AsSpan(0, b * (_d + _a)));
        for (int i = 0; i < b; i++)
        {
            for (int j = 0; j < _a; j++)
            {
                float a = _act[i * _a + j];
                _actGrad[i * _a + j] = _qIn[i * (_d + _a) + _d + j] * (1f - a * a);
            }
        }
        if (_c.ActorPreactivationPenalty > 0) actorLoss += PreactivationPenalty(o, b);
        _n.Actor.Backward(_actGrad.AsSpan(0, b * _a));
        _actorOpt.Step();
        if (!float.IsFinite(actorLoss)) throw new DivergenceException($"TD3 actor loss is {actorLoss}");
        _metrics["actor_loss"] = actorLoss;
        float tau = (float)_c.Tau;
        _n.Actor.SoftUpdateTo(_n.ActorTarget, tau);
        _n.Q1.SoftUpdateTo(_n.Q1Target, tau);
        _n.Q2.SoftUpdateTo(_n.Q2Target, tau);
    }

    /// <summary>Adds λ·mean_i ‖f(s_i)‖² (f the pre-tanh output <paramref name="preactivation"/>) to the actor loss:
    /// its gradient 2λf/b joins the policy gradient in <c>_actGrad</c>. Returns the penalty's value. Without it a
    /// saturated actor (|f| ≫ 1) receives ∂Q/∂a·(1 − tanh²f) ≈ 0 and keeps its action's sign whatever the critic
    /// says (decision 0010).</summary>
    private float PreactivationPenalty(ReadOnlySpan<float> preactivation, int b)
    {
        float lambda = (float)_c.ActorPreactivationPenalty, penalty = 0, meanAbs = 0;
        for (int k = 0; k < b * _a; k++)
        {
            float f = preactivation[k];
            penalty += lambda * f * f / b;
            meanAbs += MathF.Abs(f) / (b * _a);
            _actGrad[k] += 2f * lambda * f / b;
        }
        // Recorded only when the option is on, so the default's diagnostics (pinned by RecordedRunTests) stay as they were.
        _metrics["actor_preactivation_abs"] = meanAbs;
        return penalty;
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
