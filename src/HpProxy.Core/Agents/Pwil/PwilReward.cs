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
/// With <c>absorbing</c> (decision 0008; off by default, the paper has none) each demonstration counts as the T
/// steps of the occupancy it describes: an episode that terminated after L steps adds T − L steps in the absorbing
/// state. All these steps share the expert mass (1/M each, M = N + the absorbing steps), the absorbing state is
/// infinitely far from every real state, and a real agent step that finds no real expert mass left takes
/// absorbing mass at infinite cost (reward 0) — so surviving longer than the demonstrations earns nothing. An
/// absorbing agent step couples at cost 0 with the expert's absorbing mass: <see cref="AbsorbingReward"/> = α when
/// the demonstrations terminate, 0 when none does (the absorbing state is then as unrewarded as a masked end).
/// Without absorbing states, or without a terminated demonstration, the reward is the paper's exactly.
/// 
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
    private readonly double _atomWeight;
    private readonly double _absorbingMass;

    public PwilReward(DemonstrationSet demonstrations, ObservationStats stats, bool useActions, int horizon, double alpha = 5, double beta = 5,
        bool absorbing = false)
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
        // The absorbing steps of the terminated demonstrations (none without absorbing states): T − L each.
        long absorbingSteps = absorbing ? demonstrations.Episodes.Where(e => e.Terminated).Sum(e => (long)Math.Max(0, horizon - e.Length)) : 0;
        _atomWeight = 1.0 / (AtomCount + absorbingSteps);
        _absorbingMass = absorbingSteps * _atomWeight;
        AbsorbingReward = absorbingSteps > 0 ? alpha : 0.0;
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

    /// <summary>Expert mass not yet coupled in this episode (real and absorbing).</summary>
    public double RemainingExpertMass { get; private set; }

    /// <summary>The expert's absorbing mass not yet coupled in this episode (0 without absorbing states).</summary>
    public double RemainingAbsorbingMass { get; private set; }

    /// <summary>The reward of an agent step in the absorbing state: cost 0 against the expert's absorbing mass, so α
    /// when the demonstrations terminate early, else 0. Constant: every absorbing state is the same state, whose
    /// value the critic learns from one self-loop (Kostrikov et al. 2019, eq. 5).</summary>
    public double AbsorbingReward { get; }

    /// <summary>Restores every expert atom to weight 1/N — 1/M with absorbing steps — (the coupling is per episode).</summary>
    public void BeginEpisode()
    {
        Array.Fill(_weights, _atomWeight);
        Array.Clear(_used);
        RemainingAbsorbingMass = _absorbingMass;
        RemainingExpertMass = 1.0; // N/M + absorbing/M, written as the exact 1 the paper's version starts from
        _remainingAtoms = AtomCount;
    }

    private int _remainingAtoms;

    /// <summary>The reward of the next agent step of the current episode (consumes expert mass).</summary>
    public double Step(ReadOnlySpan<float> observation, ReadOnlySpan<float> action)
    {
        if (_remainingAtoms == 0) return TakeAbsorbingMass(_stepMass);
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
            if (_remainingAtoms == 0) return TakeAbsorbingMass(mass); // real expert mass exhausted mid-step
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

    /// <summary>A real step's mass left over once the real atoms are used up goes to the absorbing mass, at
    /// infinite distance: the step earns 0. Without absorbing mass this is the paper's "exhausted" case.</summary>
    private double TakeAbsorbingMass(double mass)
    {
        double taken = Math.Min(mass, RemainingAbsorbingMass);
        RemainingAbsorbingMass -= taken;
        RemainingExpertMass -= taken;
        return 0.0;
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
