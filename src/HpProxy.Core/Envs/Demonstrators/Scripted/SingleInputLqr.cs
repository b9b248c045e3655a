namespace HpProxy.Core.Envs.Demonstrators.Scripted;

/// <summary>
/// Discrete-time infinite-horizon LQR for one input: iterates the Riccati recursion
/// P ← Q + KᵀRK + (A − BK)ᵀP(A − BK), K = (R + BᵀPB)⁻¹BᵀPA, to its fixed point and returns K with u = −K x
/// (Anderson &amp; Moore, Optimal Control, 1990, §2.4). A and B come from finite differences of the task's own
/// one-step map, so the gains match the integrator the task really uses.
/// </summary>
internal static class SingleInputLqr
{
    public delegate void StepMap(ReadOnlySpan<double> state, double input, Span<double> next);

    public static double[] Gains(StepMap step, double[] equilibrium, double[] stateCost, double inputCost, int iterations = 5000)
    {
        int n = equilibrium.Length;
        var (a, b) = Linearize(step, equilibrium, n);
        var p = new double[n, n];
        for (int i = 0; i < n; i++) p[i, i] = stateCost[i];
        var k = new double[n];
        for (int it = 0; it < iterations; it++)
        {
            // pb = P B, btpb = Bᵀ P B, btpa = Bᵀ P A
            var pb = new double[n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) pb[i] += p[i, j] * b[j];
            double btpb = 0;
            for (int i = 0; i < n; i++) btpb += b[i] * pb[i];
            var btpa = new double[n];
            for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) btpa[j] += pb[i] * a[i, j];
            double denom = inputCost + btpb;
            for (int j = 0; j < n; j++) k[j] = btpa[j] / denom;
            // Joseph form P' = Q + KᵀRK + (A − BK)ᵀ P (A − BK): stays symmetric positive semi-definite in floating
            // point, where the shorter Q + AᵀPA − (BᵀPA)ᵀK drifts and collapses the slow cart-position gains.
            var cl = new double[n, n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) cl[i, j] = a[i, j] - b[i] * k[j];
            var pcl = new double[n, n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int l = 0; l < n; l++) pcl[i, j] += p[i, l] * cl[l, j];
            var next = new double[n, n];
            double change = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double v = (i == j ? stateCost[i] : 0) + inputCost * k[i] * k[j];
                    for (int l = 0; l < n; l++) v += cl[l, i] * pcl[l, j];
                    change = Math.Max(change, Math.Abs(v - p[i, j]));
                    next[i, j] = v;
                }
            }
            p = next;
            if (change < 1e-10) break;
        }
        return k;
    }

    private static (double[,] A, double[] B) Linearize(StepMap step, double[] x0, int n)
    {
        const double h = 1e-6;
        var a = new double[n, n];
        var b = new double[n];
        var plus = new double[n];
        var minus = new double[n];
        var x = (double[])x0.Clone();
        for (int j = 0; j < n; j++)
        {
            x[j] = x0[j] + h;
            step(x, 0, plus);
            x[j] = x0[j] - h;
            step(x, 0, minus);
            x[j] = x0[j];
            for (int i = 0; i < n; i++) a[i, j] = (plus[i] - minus[i]) / (2 * h);
        }
        step(x0, h, plus);
        step(x0, -h, minus);
        for (int i = 0; i < n; i++) b[i] = (plus[i] - minus[i]) / (2 * h);
        return (a, b);
    }
}
