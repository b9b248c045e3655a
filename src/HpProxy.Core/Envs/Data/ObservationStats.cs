namespace HpProxy.Core.Envs.Data;

/// <summary>
/// Per-dimension mean and standard deviation of observations, computed once from the train demonstrations
/// and frozen (SPEC.md §3). Used everywhere: policy inputs, discriminators, PWIL, Wasserstein, RND.
/// A standard deviation below 1e-6 becomes 1 so constant dimensions pass through unscaled.
/// </summary>
public sealed class ObservationStats
{
    public const double MinStd = 1e-6;

    public ObservationStats(float[] mean, float[] std)
    {
        if (mean.Length != std.Length) throw new ArgumentException("mean and std lengths differ");
        Mean = mean;
        Std = std;
    }

    public float[] Mean { get; }
    public float[] Std { get; }
    public int Size => Mean.Length;

    public static ObservationStats Identity(int size) =>
        new(new float[size], Enumerable.Repeat(1f, size).ToArray());

    /// <summary>Statistics over every observation of the set (two-pass, in double precision).</summary>
    public static ObservationStats FromDemonstrations(DemonstrationSet demos)
    {
        int d = demos.ObservationSize;
        var sum = new double[d];
        long n = 0;
        foreach (var e in demos.Episodes)
        {
            for (int i = 0; i < e.Observations.Length; i++) sum[i % d] += e.Observations[i];
            n += e.Length + 1;
        }
        var mean = new double[d];
        for (int j = 0; j < d; j++) mean[j] = n > 0 ? sum[j] / n : 0;
        var sq = new double[d];
        foreach (var e in demos.Episodes)
        {
            for (int i = 0; i < e.Observations.Length; i++)
            {
                double diff = e.Observations[i] - mean[i % d];
                sq[i % d] += diff * diff;
            }
        }
        var m = new float[d];
        var s = new float[d];
        for (int j = 0; j < d; j++)
        {
            m[j] = (float)mean[j];
            double std = n > 0 ? Math.Sqrt(sq[j] / n) : 1;
            s[j] = std < MinStd ? 1f : (float)std;
        }
        return new ObservationStats(m, s);
    }

    public void Normalize(ReadOnlySpan<float> observation, Span<float> destination)
    {
        for (int j = 0; j < Mean.Length; j++) destination[j] = (observation[j] - Mean[j]) / Std[j];
    }

    /// <summary>Normalises a row-major block of observations in place.</summary>
    public void NormalizeRows(Span<float> rows)
    {
        int d = Mean.Length;
        for (int i = 0; i < rows.Length; i++) rows[i] = (rows[i] - Mean[i % d]) / Std[i % d];
    }
}
