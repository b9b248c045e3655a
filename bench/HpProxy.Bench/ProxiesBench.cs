using System.Diagnostics;
using HpProxy.Core.Common;
using HpProxy.Core.Proxies.Transport;

namespace HpProxy.Bench;

/// <summary>
/// Sinkhorn and exact-OT timings for the Wasserstein proxies (plain harness; run by hand, noisy on a shared machine).
/// Entry: <c>ProxiesBench.Run()</c> — e.g. <c>dotnet run -c Release --project bench/HpProxy.Bench -- proxies</c> once
/// Program.cs dispatches "proxies" here.
/// </summary>
public static class ProxiesBench
{
    public static void Run()
    {
        foreach (int d in new[] { 11, 17 })
        {
            foreach (int n in new[] { 1000, 2000 })
            {
                var (x, y) = Clouds(new Rng(1), n, n, d, 0.5f);
                var sw = Stopwatch.StartNew();
                var c = CostMatrix.Compute(x, y, d, GroundCost.Euclidean);
                double costMs = sw.Elapsed.TotalMilliseconds;
                double mean = Sinkhorn.MeanCost(c);
                foreach (double rel in new[] { 0.01, 0.05, 0.1 })
                {
                    Sinkhorn.Solve(c, n, n, rel * mean, 5); // warm-up
                    sw.Restart();
                    var r = Sinkhorn.Solve(c, n, n, rel * mean, 200);
                    double ms = sw.Elapsed.TotalMilliseconds;
                    Console.WriteLine($"d={d} n=m={n} eps={rel}*mean({mean:F3}) cost-matrix {costMs:F1} ms; sinkhorn {ms:F0} ms, " +
                        $"{r.Iterations} it ({ms / Math.Max(1, r.Iterations):F2} ms/it), converged {r.Converged} err {r.MarginalError:E1}, <P,C> {r.TransportCost:F4}");
                }
            }
        }
        foreach (int n in new[] { 200, 500 })
        {
            var (x, y) = Clouds(new Rng(2), n, n, 11, 0.5f);
            var sw = Stopwatch.StartNew();
            double exact = ExactTransport.Solve(x, y, 11);
            double ms = sw.Elapsed.TotalMilliseconds;
            var c = CostMatrix.Compute(x, y, 11, GroundCost.Euclidean);
            double mean = Sinkhorn.MeanCost(c);
            var parts = new[] { 0.01, 0.05, 0.1 }.Select(rel => $"eps={rel}*mean: {Sinkhorn.Solve(c, n, n, rel * mean, 2000).TransportCost:F4}");
            Console.WriteLine($"exact W1 n=m={n} d=11: {exact:F4} in {ms:F0} ms; " + string.Join("; ", parts));
        }
    }

    private static (float[] X, float[] Y) Clouds(Rng rng, int n, int m, int d, float shift)
    {
        var x = new float[n * d];
        var y = new float[m * d];
        for (int i = 0; i < x.Length; i++) x[i] = (float)rng.NextGaussian() + shift;
        for (int i = 0; i < y.Length; i++) y[i] = (float)rng.NextGaussian();
        return (x, y);
    }
}
