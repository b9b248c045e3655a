using System.Diagnostics;
using HpProxy.Core.Common;
using HpProxy.Core.Proxies.Transport;

namespace HpProxy.Bench;

/// <summary>
/// Sinkhorn and exact-OT timings for the Wasserstein proxies (plain harness, run by hand). Reports wall time and
/// process CPU time: on a shared, oversubscribed machine CPU time is the steadier figure.
/// Entry: <c>ProxiesBench.Run()</c>, e.g. from Program.cs on the argument "proxies".
/// </summary>
public static class ProxiesBench
{
    public static void Run()
    {
        Console.WriteLine("Sinkhorn (log domain, float, fused SIMD kernels), uniform weights, Gaussian clouds shifted by 0.5:");
        foreach (int d in new[] { 11, 17 })
        {
            foreach (int n in new[] { 1000, 2000 })
            {
                var (x, y) = Clouds(new Rng(1), n, n, d, 0.5f);
                var c = CostMatrix.Compute(x, y, d, GroundCost.Euclidean); // warm-up
                var (costWall, costCpu) = Time(() => c = CostMatrix.Compute(x, y, d, GroundCost.Euclidean));
                double mean = Sinkhorn.MeanCost(c);
                foreach (double rel in new[] { 0.01, 0.05 })
                {
                    foreach (double scaling in new[] { 0.0, 0.5 })
                    {
                        Sinkhorn.Solve(c, n, n, rel * mean, 3, Sinkhorn.DefaultTolerance, scaling); // warm-up
                        SinkhornResult r = default;
                        var (wall, cpu) = Time(() => r = Sinkhorn.Solve(c, n, n, rel * mean, 200, Sinkhorn.DefaultTolerance, scaling));
                        Console.WriteLine($"  d={d} n=m={n} ε={rel}·mean cost ({mean:F2}) scaling={scaling}: cost matrix {costWall:F0} ms wall / {costCpu:F0} ms CPU; " +
                            $"Sinkhorn {wall:F0} ms wall / {cpu:F0} ms CPU, {r.Iterations} it ({cpu / Math.Max(1, r.Iterations):F2} ms CPU/it), " +
                            $"converged={r.Converged} err={r.MarginalError:E1} <P,C>={r.TransportCost:F4}");
                    }
                }
            }
        }
        Console.WriteLine("Exact W1 (min-cost flow) vs Sinkhorn at ε = rel·mean cost (200 iterations):");
        foreach (int n in new[] { 200, 500 })
        {
            var (x, y) = Clouds(new Rng(2), n, n, 11, 0.5f);
            double exact = 0;
            var (wall, cpu) = Time(() => exact = ExactTransport.Solve(x, y, 11));
            var c = CostMatrix.Compute(x, y, 11, GroundCost.Euclidean);
            double mean = Sinkhorn.MeanCost(c);
            var parts = new[] { 0.005, 0.01, 0.05, 0.1 }.Select(rel => $"{rel}: {Sinkhorn.Solve(c, n, n, rel * mean, 200).TransportCost:F4}");
            Console.WriteLine($"  n=m={n} d=11: exact {exact:F4} ({wall:F0} ms wall / {cpu:F0} ms CPU); Sinkhorn " + string.Join(", ", parts));
        }
    }

    private static (double WallMs, double CpuMs) Time(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        action();
        double wall = sw.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu0).TotalMilliseconds);
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
