using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Agents.Bc;

/// <summary>
/// Behavioural cloning: regress the policy on expert (s, a) pairs drawn uniformly with replacement.
/// "mse": mean over rows and dimensions of (tanh(f(s)) − a)². "nll": the tanh-Gaussian negative log-likelihood
/// of the expert action, finite at saturated actions (<see cref="SquashedGaussian.ActionClip"/>).
/// The policy acts with tanh(f(s)) (tanh(μ) for "nll"). Budget unit: gradient steps.
/// </summary>
public sealed class BcLearner : ILearner
{
    private readonly BcConfig _c;
    private readonly Mlp _net;
    private readonly Adam _opt;
    private readonly Rng _sampling, _dropout;
    private readonly float[] _states, _actions, _x, _y, _grad, _logp, _logpGrad;
    private readonly int _n, _d, _a, _b, _out;
    private readonly Dictionary<string, double> _diagnostics = new(StringComparer.Ordinal);
    private double _lossSum;
    private int _lossCount;

    public BcLearner(AgentContext context, BcConfig config)
    {
        _c = config;
        var demos = context.Demonstrations;
        (_d, _a, _b) = (demos.ObservationSize, demos.ActionSize, config.BatchSize);
        (_states, _actions) = demos.StateActionPairs();
        _n = demos.TransitionCount;
        if (_n == 0) throw new ArgumentException("BC needs at least one demonstration transition");
        var encoder = new ObservationEncoder(context.Stats, config.NormalizeObservations, absorbing: false);
        encoder.Encode(_states, _states, _n); // standardised once, in place
        _net = new BcNetworks(_d, _a, config, context.Seeds.Create("networks")).Policy;
        _out = _net.OutputSize;
        _opt = new Adam(_net.Parameters, new AdamOptions { LearningRate = (float)config.LearningRate, WeightDecay = (float)config.WeightDecay });
        (_sampling, _dropout) = (context.Seeds.Create("replay"), context.Seeds.Create("dropout"));
        (_x, _y, _grad) = (new float[_b * _d], new float[_b * _a], new float[_b * _out]);
        (_logp, _logpGrad) = (new float[_b], Enumerable.Repeat(-1f / _b, _b).ToArray());
        Policy = new BcPolicy(_net, encoder, _a, _d);
    }

    public IPolicy Policy { get; }

    public long StepsDone { get; private set; }

    public IReadOnlyDictionary<string, double> Diagnostics => _diagnostics;

    public ILearnedReward? LearnedReward => null;

    public void TrainUntil(long step, CancellationToken cancellationToken)
    {
        while (StepsDone < step)
        {
            if ((StepsDone & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
            float loss = Step();
            if (!float.IsFinite(loss)) throw new DivergenceException($"BC loss is {loss} at step {StepsDone}");
            _lossSum += loss;
            // "bc_train_loss": mean training loss since the last checkpoint read (or the last 1000 steps).
            if (++_lossCount == 1000) Publish();
            StepsDone++;
        }
        if (_lossCount > 0) Publish();
    }

    private void Publish()
    {
        _diagnostics["bc_train_loss"] = _lossSum / _lossCount;
        (_lossSum, _lossCount) = (0, 0);
    }

    /// <summary>One gradient step on a fresh minibatch; returns its loss.</summary>
    private float Step()
    {
        for (int r = 0; r < _b; r++)
        {
            int i = _sampling.NextInt(_n);
            _states.AsSpan(i * _d, _d).CopyTo(_x.AsSpan(r * _d));
            _actions.AsSpan(i * _a, _a).CopyTo(_y.AsSpan(r * _a));
        }
        _net.ZeroGrad();
        var output = _net.Forward(_x, _b, training: true, _dropout);
        float loss;
        if (_c.Loss == "nll")
        {
            // −mean log π(a|s); expert actions are clipped to ±(1 − 1e-6) inside, so |a| = 1 stays finite.
            TanhGaussian.LogProb(output, _a, _y, _logp);
            double sum = 0;
            for (int r = 0; r < _b; r++) sum -= _logp[r];
            loss = (float)(sum / _b);
            TanhGaussian.LogProbBackward(output, _a, _y, _logpGrad, _grad);
        }
        else
        {
            // mean (tanh(o) − a)², d/do = 2(tanh(o) − a)(1 − tanh²(o)) / (B·A)
            double sum = 0;
            float scale = 2f / (_b * _a);
            for (int k = 0; k < _b * _a; k++)
            {
                float p = MathF.Tanh(output[k]), diff = p - _y[k];
                sum += diff * diff;
                _grad[k] = scale * diff * (1 - p * p);
            }
            loss = (float)(sum / (_b * _a));
        }
        _net.Backward(_grad);
        _opt.Step();
        return loss;
    }

    private sealed class BcPolicy(Mlp net, ObservationEncoder encoder, int actionSize, int observationSize) : IPolicy
    {
        private readonly float[] _x = new float[observationSize];

        public void Act(ReadOnlySpan<float> observation, Span<float> action)
        {
            encoder.EncodeRaw(observation, _x);
            var output = net.Forward(_x, 1);
            for (int j = 0; j < actionSize; j++) action[j] = MathF.Tanh(output[j]); // tanh(μ): the first A outputs
        }
    }
}
