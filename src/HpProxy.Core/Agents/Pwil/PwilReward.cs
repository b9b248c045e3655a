using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Agents.Pwil;

/// <summary>
/// The PWIL reward (Dadashi et al. 2021, "Primal Wasserstein Imitation Learning", Algorithm 1), an upper bound
/// of the Wasserstein distance built online by greedily coupling each agent step with the nearest expert atoms
/// that still carry mass.
/// <list type="bullet">
/// <item>Atoms are the expert's standardised (s, a) (or s) pairs; at each episode start each of the N atoms gets
/// weight 1/N.</item>
/// <item>An agent step carries mass 1/T − 1e-6 (T the horizon; the −1e-6 keeps T steps from exhausting the expert
/// mass through rounding, as in the authors' code).</item>
/// <item>The step moves its mass to the nearest atoms in turn (exhausting each before moving on); its cost c is
/// the mass-weighted Euclidean distance moved.</item>
/// <item>Reward r = α·exp(−σ·c) with σ = β·T/√D (D the atom dimension), α = β = 5 (paper §4); 0 once the
/// expert mass is exhausted.</item>
/// </list>
/// Not thread-safe; one instance per episode stream.
/// </summary>
public sealed class PwilReward
{
    private readonly float[] _atoms;
    private readonly double[] _weights;
    private readonly bool[] _used;
    private readonly double[] _distances;
    private readonly float[] _query;
    private readonly float[] _obsMean;
    private readonly float[] _obsInvStd;
    private readonly float[] _actMean;
    private readonly float[] _actInvStd;
    private readonly double _stepMass;
    private readonly double _sigma;

    public PwilReward(DemonstrationSet demonstrations, ObservationStats stats, bool useActions, int horizon, double alpha = 5, double beta = 5)
    {
        if (horizon <= 0) throw new ArgumentOutOfRangeException(nameof(horizon));
        if (demonstrations.TransitionCount == 0) throw new ArgumentException("PWIL needs at least one expert transition", nameof(demonstrations));
        ObservationSize = demonstrations.ObservationSize;
        ActionSize = demonstrations.ActionSize;
        UseActions = useActions;
        Dimension = ObservationSize + (useActions ? ActionSize : 0);
        Alpha = alpha;
        Beta = beta;
        Horizon = horizon;
        _stepMass = 1.0 / horizon - 1e-6;
        _sigma = beta * horizon / Math.Sqrt(Dimension);

        _obsMean = stats.Mean;
        _obsInvStd = stats.Std.Select(s => 1f / s).ToArray();
        var (states, actions) = demonstrations.StateActionPairs();
        (_actMean, _actInvStd) = ActionStats(actions, ActionSize);

        AtomCount = demonstrations.TransitionCount;
        _atoms = new float[AtomCount * Dimension];
        for (int i = 0; i < AtomCount; i++)
            Standardise(states.AsSpan(i * ObservationSize, ObservationSize), actions.AsSpan(i * ActionSize, ActionSize), _atoms.AsSpan(i * Dimension, Dimension));
        _weights = new double[AtomCount];
        _used = new bool[AtomCount];
        _distances = new double[AtomCount];
        _query = new float[Dimension];
        BeginEpisode();
    }

    public int ObservationSize { get; }
    public int ActionSize { get; }
    public bool UseActions { get; }
    public int Dimension { get; }
    public int AtomCount { get; }
    public double Alpha { get; }
    public double Beta { get; }
    public int Horizon { get; }

    /// <summary>Expert mass not yet coupled in this episode.</summary>
    public double RemainingExpertMass { get; private set; }

    /// <summary>Restores every expert atom to weight 1/N (the coupling is per episode).</summary>
    public void BeginEpisode()
    {
        Array.Fill(_weights, 1.0 / AtomCount);
        Array.Clear(_used);
        RemainingExpertMass = 1.0;
        _remainingAtoms = AtomCount;
    }

    private int _remainingAtoms;

    /// <summary>The reward of the next agent step of the current episode (consumes expert mass).</summary>
    public double Step(ReadOnlySpan<float> observation, ReadOnlySpan<float> action)
    {
        if (_remainingAtoms == 0) return 0.0;
        Standardise(observation, action, _query);
        for (int i = 0; i < AtomCount; i++)
        {
            if (_used[i]) continue;
            var atom = _atoms.AsSpan(i * Dimension, Dimension);
            double s = 0;
            for (int j = 0; j < Dimension; j++)
            {
                double d = atom[j] - _query[j];
                s += d * d;
            }
            _distances[i] = Math.Sqrt(s);
        }
        double mass = _stepMass;
        double cost = 0;
        while (mass > 0)
        {
            if (_remainingAtoms == 0) return 0.0; // expert mass exhausted mid-step
            int best = -1;
            for (int i = 0; i < AtomCount; i++)
            {
                if (!_used[i] && (best < 0 || _distances[i] < _distances[best])) best = i;
            }
            double w = _weights[best];
            if (mass >= w)
            {
                cost += w * _distances[best];
                mass -= w;
                _weights[best] = 0;
                _used[best] = true;
                _remainingAtoms--;
                RemainingExpertMass -= w;
            }
            else
            {
                cost += mass * _distances[best];
                _weights[best] -= mass;
                RemainingExpertMass -= mass;
                mass = 0;
            }
        }
        return Alpha * Math.Exp(-_sigma * cost);
    }

    private void Standardise(ReadOnlySpan<float> observation, ReadOnlySpan<float> action, Span<float> destination)
    {
        for (int j = 0; j < ObservationSize; j++) destination[j] = (observation[j] - _obsMean[j]) * _obsInvStd[j];
        if (!UseActions) return;
        for (int j = 0; j < ActionSize; j++) destination[ObservationSize + j] = (action[j] - _actMean[j]) * _actInvStd[j];
    }

    /// <summary>Per-dimension mean and 1/std of the expert actions (std below 1e-6 → 1, as for observations).</summary>
    private static (float[] Mean, float[] InvStd) ActionStats(float[] actions, int size)
    {
        int n = actions.Length / size;
        var mean = new float[size];
        var inv = new float[size];
        for (int j = 0; j < size; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += actions[i * size + j];
            double m = sum / n;
            double sq = 0;
            for (int i = 0; i < n; i++) sq += (actions[i * size + j] - m) * (actions[i * size + j] - m);
            double std = Math.Sqrt(sq / n);
            mean[j] = (float)m;
            inv[j] = std < ObservationStats.MinStd ? 1f : (float)(1.0 / std);
        }
        return (mean, inv);
    }
}
