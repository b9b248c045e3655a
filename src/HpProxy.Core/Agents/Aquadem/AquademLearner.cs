using HpProxy.Core.Agents.Online;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Agents.Aquadem;

/// <summary>
/// AQuaDem as an off-policy backbone (Dadashi et al. 2022). First Ψ is fitted to the demonstrations with the
/// soft-min loss L = −T·log Σ_k exp(−‖a − ψ_k(s)‖²/T) (§3, eq. 1: the candidates cover the expert's modes), then
/// frozen. A double-DQN (van Hasselt et al. 2016) learns Q(s, k) over the K candidates; a stored continuous action
/// is mapped back to its nearest candidate when a batch is sampled (exact for the agent's own actions, the
/// quantisation of the expert's). Acting: ψ_{argmax Q}(s), ε-greedy while exploring.
/// </summary>
public sealed class AquademLearner : IOffPolicyBackbone
{
    private readonly AquademConfig _c;
    private readonly ObservationEncoder _encoder;
    private readonly AquademNetworks _n;
    private readonly Adam _psiOpt, _qOpt;
    private readonly Rng _rng;
    private readonly int _d, _a, _k;
    private readonly float[] _demoStates, _demoActions;
    private readonly float[] _obs, _next, _cand, _target, _grad, _psiGrad, _x, _y, _single;
    private readonly int[] _index;
    private readonly Dictionary<string, double> _metrics = new(StringComparer.Ordinal);
    private bool _pretrained;

    public AquademLearner(int observationSize, int actionSize, int batchSize, AquademConfig config, ObservationEncoder encoder,
        float[] demoStates, float[] demoActions, Rng networkRng, Rng rng)
    {
        (_c, _encoder, _rng, _d, _a, _k) = (config, encoder, rng, observationSize, actionSize, config.Candidates);
        _n = new AquademNetworks(observationSize, actionSize, config, networkRng);
        _psiOpt = new Adam(_n.Candidates.Parameters, new AdamOptions { LearningRate = (float)config.CandidateLearningRate });
        _qOpt = new Adam(_n.Q.Parameters, new AdamOptions { LearningRate = (float)config.LearningRate });
        (_demoStates, _demoActions) = (demoStates, demoActions);
        int b = batchSize;
        (_obs, _next, _x, _y) = (new float[b * _d], new float[b * _d], new float[b * _d], new float[b * _a]);
        (_cand, _psiGrad) = (new float[b * _k * _a], new float[b * _k * _a]);
        (_target, _grad, _index) = (new float[b], new float[b * _k], new int[b]);
        _single = new float[_d];
    }

    public IReadOnlyDictionary<string, double> Metrics => _metrics;

    public AquademNetworks Networks => _n;

    /// <summary>Fits Ψ on the demonstrations (once, before the first action).</summary>
    public void EnsurePretrained()
    {
        if (_pretrained) return;
        _pretrained = true;
        int n = _demoActions.Length / _a, b = _target.Length;
        float temperature = (float)_c.Temperature, loss = 0;
        for (int step = 0; step < _c.PretrainSteps; step++)
        {
            for (int r = 0; r < b; r++)
            {
                int i = _rng.NextInt(n);
                _demoStates.AsSpan(i * _d, _d).CopyTo(_x.AsSpan(r * _d));
                _demoActions.AsSpan(i * _a, _a).CopyTo(_y.AsSpan(r * _a));
            }
            _n.Candidates.ZeroGrad();
            var o = _n.Candidates.Forward(_x, b, training: true);
            loss = 0;
            for (int r = 0; r < b; r++)
            {
                // Soft-min over candidates: weights w_k = softmax_k(−dist_k/T); dL/dψ_k = w_k·2(ψ_k − a).
                float min = float.MaxValue;
                for (int k = 0; k < _k; k++)
                {
                    float dist = 0;
                    for (int j = 0; j < _a; j++)
                    {
                        float c = MathF.Tanh(o[(r * _k + k) * _a + j]), diff = c - _y[r * _a + j];
                        _cand[(r * _k + k) * _a + j] = c;
                        dist += diff * diff;
                    }
                    _grad[r * _k + k] = dist;
                    min = MathF.Min(min, dist);
                }
                float z = 0;
                for (int k = 0; k < _k; k++) z += MathF.Exp(-(_grad[r * _k + k] - min) / temperature);
                loss += (min - temperature * MathF.Log(z)) / b;
                for (int k = 0; k < _k; k++)
                {
                    float w = MathF.Exp(-(_grad[r * _k + k] - min) / temperature) / z;
                    for (int j = 0; j < _a; j++)
                    {
                        int q = (r * _k + k) * _a + j;
                        float c = _cand[q];
                        _psiGrad[q] = w * 2f * (c - _y[r * _a + j]) * (1 - c * c) / b;
                    }
                }
            }
            _n.Candidates.Backward(_psiGrad);
            _psiOpt.Step();
            if (!float.IsFinite(loss)) throw new DivergenceException($"AQuaDem candidate loss is {loss}");
        }
        _metrics["candidate_loss"] = loss;
    }

    public void ExploreAction(ReadOnlySpan<float> storedObservation, Span<float> action)
    {
        EnsurePretrained();
        _encoder.Encode(storedObservation, _single, 1);
        int k = _rng.NextDouble() < _c.Epsilon ? _rng.NextInt(_k) : Greedy();
        Candidate(k, action);
    }

    public void DeterministicAction(ReadOnlySpan<float> storedObservation, Span<float> action)
    {
        EnsurePretrained();
        _encoder.Encode(storedObservation, _single, 1);
        Candidate(Greedy(), action);
    }

    private int Greedy() => ArgMax(_n.Q.Forward(_single, 1));

    private void Candidate(int k, Span<float> action)
    {
        var o = _n.Candidates.Forward(_single, 1);
        for (int j = 0; j < _a; j++) action[j] = MathF.Tanh(o[k * _a + j]);
    }

    public void Update(TransitionBatch batch, ReadOnlySpan<float> rewards)
    {
        EnsurePretrained();
        int b = batch.Size;
        _encoder.Encode(batch.Observations, _obs, b);
        _encoder.Encode(batch.NextObservations, _next, b);
        // The discrete action of each row: its nearest candidate under the frozen Ψ.
        var o = _n.Candidates.Forward(_obs.AsSpan(0, b * _d), b);
        for (int r = 0; r < b; r++)
        {
            int best = 0;
            float bestDist = float.MaxValue;
            for (int k = 0; k < _k; k++)
            {
                float dist = 0;
                for (int j = 0; j < _a; j++)
                {
                    float diff = MathF.Tanh(o[(r * _k + k) * _a + j]) - batch.Actions[r * _a + j];
                    dist += diff * diff;
                }
                if (dist < bestDist) (best, bestDist) = (k, dist);
            }
            _index[r] = best;
        }
        // Double DQN: y = r + γ(1 − terminated)·Q̄(s', argmax_k Q(s', k)); truncation bootstraps.
        var qNext = _n.Q.Forward(_next.AsSpan(0, b * _d), b);
        for (int r = 0; r < b; r++) _target[r] = ArgMax(qNext.Slice(r * _k, _k));
        var qTarget = _n.QTarget.Forward(_next.AsSpan(0, b * _d), b);
        for (int r = 0; r < b; r++)
            _target[r] = rewards[r] + (float)_c.Discount * (1f - batch.Terminated[r]) * qTarget[r * _k + (int)_target[r]];
        _n.Q.ZeroGrad();
        var q = _n.Q.Forward(_obs.AsSpan(0, b * _d), b);
        float loss = 0;
        Array.Clear(_grad);
        for (int r = 0; r < b; r++)
        {
            float diff = q[r * _k + _index[r]] - _target[r];
            loss += 0.5f * diff * diff / b;
            _grad[r * _k + _index[r]] = diff / b;
        }
        _n.Q.Backward(_grad.AsSpan(0, b * _k));
        _qOpt.Step();
        _n.Q.SoftUpdateTo(_n.QTarget, (float)_c.Tau);
        if (!float.IsFinite(loss)) throw new DivergenceException($"AQuaDem Q loss is {loss}");
        _metrics["q_loss"] = loss;
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best]) best = i;
        }
        return best;
    }
}
