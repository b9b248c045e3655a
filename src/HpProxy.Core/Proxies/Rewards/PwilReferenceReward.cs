using System.Numerics.Tensors;
using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Proxies.Rewards;

/// <summary>
/// A fixed, discriminator-free reference reward built once per demonstration set: the PWIL reward of Dadashi
/// et al. (ICLR 2021, Algorithm 1) on the train demonstrations. It scores every algorithm's rollouts on one
/// scale, which an agent's own discriminator cannot (each discriminator has its own scale and is trained
/// against that agent).
/// Per episode, expert atoms (standardised s, raw a ∈ [-1, 1]; or s only) carry weight 1/N and each agent step
/// mass 1/T − 1e-6; the step is greedily coupled with its nearest atoms that still have mass; its cost c is the
/// mass-weighted Euclidean distance moved, and its reward α·exp(−β·T/√D·c). Expert weights reset each episode;
/// once expert mass is exhausted a step earns 0. T is the horizon: the longest train demonstration episode
/// unless set (expert episodes run to the time limit).
/// </summary>
public sealed class PwilReferenceReward
{
    private readonly float[] _atomsT; // [D × N], one contiguous row per coordinate
    private readonly int _atomCount;

    /// <param name="subsampling">Keep every k-th expert transition as an atom (PWIL and GAIL subsample MuJoCo
    /// demonstrations by 20); 1 keeps all. The coupling costs O(atoms × D) per agent step.</param>
    public PwilReferenceReward(DemonstrationSet demonstrations, ObservationStats stats, bool stateOnly, double alpha, double beta, int horizon,
        int subsampling = 1)
    {
        if (subsampling < 1) throw new ArgumentOutOfRangeException(nameof(subsampling));
        StateOnly = stateOnly;
        Alpha = alpha;
        Beta = beta;
        Dimension = stateOnly ? stats.Size : stats.Size + demonstrations.ActionSize;
        Horizon = horizon > 0 ? horizon : Math.Max(1, demonstrations.Episodes.Select(e => e.Length).DefaultIfEmpty(1).Max());
        var atoms = stateOnly
            ? StatesOfSteps(demonstrations.Episodes, stats)
            : ProxyData.StateActions(demonstrations.Episodes, stats, demonstrations.ActionSize);
        if (subsampling > 1)
        {
            int kept = (atoms.Length / Dimension + subsampling - 1) / subsampling;
            var thinned = new float[kept * Dimension];
            for (int k = 0; k < kept; k++) atoms.AsSpan(k * subsampling * Dimension, Dimension).CopyTo(thinned.AsSpan(k * Dimension));
            atoms = thinned;
        }
        _atomCount = atoms.Length / Dimension;
        _atomsT = new float[atoms.Length];
        for (int k = 0; k < _atomCount; k++)
            for (int j = 0; j < Dimension; j++)
                _atomsT[j * _atomCount + k] = atoms[k * Dimension + j];
    }

    public bool StateOnly { get; }
    public double Alpha { get; }
    public double Beta { get; }
    public int Dimension { get; }
    public int Horizon { get; }
    public int AtomCount => _atomCount;

    /// <summary>Σ_t r_t of one episode (observations raw; standardised here with <paramref name="stats"/>).</summary>
    public double EpisodeReturn(Trajectory episode, ObservationStats stats)
    {
        if (_atomCount == 0) return 0;
        var weights = new float[_atomCount];
        Array.Fill(weights, 1f / _atomCount);
        var distance = new float[_atomCount];
        var diff = new float[_atomCount];
        var point = new float[Dimension];
        double stepMass = 1.0 / Horizon - 1e-6;
        double sigma = Beta * Horizon / Math.Sqrt(Dimension);
        double total = 0;
        int alive = _atomCount;
        for (int t = 0; t < episode.Length && alive > 0; t++)
        {
            stats.Normalize(episode.Observation(t), point.AsSpan(0, stats.Size));
            if (!StateOnly) episode.Action(t).CopyTo(point.AsSpan(stats.Size));
            Array.Clear(distance);
            for (int j = 0; j < Dimension; j++)
            {
                TensorPrimitives.Subtract(_atomsT.AsSpan(j * _atomCount, _atomCount), point[j], diff);
                TensorPrimitives.MultiplyAdd(diff, diff, distance, distance);
            }
            for (int k = 0; k < _atomCount; k++)
                if (weights[k] <= 0) distance[k] = float.PositiveInfinity;

            double remaining = stepMass, cost = 0;
            while (remaining > 0 && alive > 0)
            {
                int k = TensorPrimitives.IndexOfMin(distance);
                double moved = Math.Min(remaining, weights[k]);
                cost += moved * Math.Sqrt(distance[k]);
                remaining -= moved;
                weights[k] -= (float)moved;
                if (weights[k] <= 1e-12f)
                {
                    weights[k] = 0;
                    distance[k] = float.PositiveInfinity;
                    alive--;
                }
            }
            total += Alpha * Math.Exp(-sigma * cost);
        }
        return total;
    }

    private static float[] StatesOfSteps(IReadOnlyList<Trajectory> episodes, ObservationStats stats)
    {
        int d = stats.Size;
        var rows = new float[episodes.Sum(e => e.Length) * d];
        int r = 0;
        foreach (var e in episodes)
            for (int t = 0; t < e.Length; t++, r++)
                stats.Normalize(e.Observation(t), rows.AsSpan(r * d, d));
        return rows;
    }
}
