namespace HpProxy.Core.Proxies.Transport;

/// <summary>
/// Exact optimal transport (earth mover's distance) between two uniform discrete measures, for validating
/// Sinkhorn and for the exact-W1 proxy on small sets.
/// Method: the problem with weights 1/n and 1/m is scaled to integer supplies m/g on each source and demands
/// n/g on each sink (g = gcd(n, m)), which keeps every optimal vertex integral, and solved as a min-cost flow
/// by successive shortest augmenting paths: Dijkstra on reduced costs with node potentials (Edmonds &amp; Karp
/// 1972; Ahuja, Magnanti &amp; Orlin 1993, §9.7) on the dense bipartite residual graph. With n = m every supply
/// is 1 and this is the Hungarian / Jonker–Volgenant shortest-path assignment algorithm, O(n³). With n ≠ m each
/// augmentation saturates a supply, a demand or a reverse edge; in practice about n + m augmentations of
/// O((n + m)² + n·m) each. Costs are double precision; identical sets give exactly 0.
/// Intended for n, m up to a few hundred.
/// </summary>
public static class ExactTransport
{
    /// <summary>Exact transport cost between point clouds X [n × d] and Y [m × d] (row-major).</summary>
    public static double Solve(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int dimension, GroundCost cost = GroundCost.Euclidean)
    {
        var c = CostMatrix.ComputeDouble(x, y, dimension, cost);
        return Solve(c, x.Length / dimension, y.Length / dimension);
    }

    /// <summary>Exact transport cost Σ P_ij C_ij for a cost matrix [n × m] (row-major), uniform weights.</summary>
    public static double Solve(ReadOnlySpan<double> cost, int n, int m) => SolvePlan(cost, n, m).Cost;

    /// <summary>
    /// Exact solution with its integral flow: <c>Flow[i·m + j]</c> units moved from i to j, where one unit
    /// is mass g/(n·m). <c>Cost</c> = Σ Flow_ij C_ij · g/(n·m).
    /// </summary>
    public static (double Cost, long[] Flow, long UnitsPerMass) SolvePlan(ReadOnlySpan<double> cost, int n, int m)
    {
        if (n <= 0 || m <= 0) throw new ArgumentOutOfRangeException(nameof(n), "both sides need at least one point");
        if (cost.Length != n * m) throw new ArgumentException("cost matrix length must be n·m", nameof(cost));
        for (int k = 0; k < cost.Length; k++)
            if (!double.IsFinite(cost[k])) throw new ArgumentException("costs must be finite", nameof(cost));

        long g = Gcd(n, m);
        long supplyEach = m / g, demandEach = n / g;
        long total = n * supplyEach;
        var supply = new long[n];
        var demand = new long[m];
        Array.Fill(supply, supplyEach);
        Array.Fill(demand, demandEach);
        var flow = new long[n * m];

        // Potentials: rows (sources) and columns (sinks). Reduced cost of i→j is C_ij + piRow_i − piCol_j ≥ 0,
        // of the reverse edge j→i (only where flow > 0) its negative, which is 0 on optimal flow edges.
        var piRow = new double[n];
        var piCol = new double[m];
        var distRow = new double[n];
        var distCol = new double[m];
        var doneRow = new bool[n];
        var doneCol = new bool[m];
        var parentOfCol = new int[m]; // row that reached column j
        var parentOfRow = new int[n]; // column that reached row i through a reverse edge (−1: a source)

        long remaining = total;
        while (remaining > 0)
        {
            // Multi-source Dijkstra from every row with supply left (distance 0).
            for (int i = 0; i < n; i++)
            {
                distRow[i] = supply[i] > 0 ? 0 : double.PositiveInfinity;
                doneRow[i] = false;
                parentOfRow[i] = -1;
            }
            for (int j = 0; j < m; j++)
            {
                distCol[j] = double.PositiveInfinity;
                doneCol[j] = false;
                parentOfCol[j] = -1;
            }
            int target = -1;
            double targetDist = 0;
            while (true)
            {
                // Dense selection of the closest unsettled node (rows and columns).
                int bestRow = -1, bestCol = -1;
                double best = double.PositiveInfinity;
                for (int i = 0; i < n; i++)
                    if (!doneRow[i] && distRow[i] < best) { best = distRow[i]; bestRow = i; }
                for (int j = 0; j < m; j++)
                    if (!doneCol[j] && distCol[j] < best) { best = distCol[j]; bestCol = j; bestRow = -1; }
                if (double.IsPositiveInfinity(best)) break;

                if (bestRow < 0)
                {
                    int j = bestCol;
                    doneCol[j] = true;
                    if (demand[j] > 0)
                    {
                        target = j;
                        targetDist = best;
                        break;
                    }
                    // Reverse edges j → i exist where flow_ij > 0.
                    for (int i = 0; i < n; i++)
                    {
                        if (doneRow[i] || flow[i * m + j] == 0) continue;
                        double reduced = Math.Max(0, -cost[i * m + j] - piCol[j] + piRow[i]);
                        double d = best + reduced;
                        if (d < distRow[i])
                        {
                            distRow[i] = d;
                            parentOfRow[i] = j;
                        }
                    }
                }
                else
                {
                    int i = bestRow;
                    doneRow[i] = true;
                    int rowOffset = i * m;
                    for (int j = 0; j < m; j++)
                    {
                        if (doneCol[j]) continue;
                        // Clamp tiny negatives from rounding so Dijkstra's invariant holds.
                        double reduced = Math.Max(0, cost[rowOffset + j] + piRow[i] - piCol[j]);
                        double d = best + reduced;
                        if (d < distCol[j])
                        {
                            distCol[j] = d;
                            parentOfCol[j] = i;
                        }
                    }
                }
            }
            if (target < 0) throw new InvalidOperationException("no augmenting path: supplies and demands are unbalanced");

            // Potentials: π ← π + min(dist, dist_target) keeps every residual reduced cost non-negative.
            for (int i = 0; i < n; i++) piRow[i] += Math.Min(distRow[i], targetDist);
            for (int j = 0; j < m; j++) piCol[j] += Math.Min(distCol[j], targetDist);

            // Bottleneck along the path target ← row ← (col ← row)* ← source row.
            long amount = demand[target];
            int col = target;
            int row;
            while (true)
            {
                row = parentOfCol[col];
                int prevCol = parentOfRow[row];
                if (prevCol < 0) break;
                amount = Math.Min(amount, flow[row * m + prevCol]);
                col = prevCol;
            }
            amount = Math.Min(amount, supply[row]);

            col = target;
            while (true)
            {
                row = parentOfCol[col];
                flow[row * m + col] += amount;
                int prevCol = parentOfRow[row];
                if (prevCol < 0) break;
                flow[row * m + prevCol] -= amount;
                col = prevCol;
            }
            supply[row] -= amount;
            demand[target] -= amount;
            remaining -= amount;
        }

        double sum = 0;
        for (int k = 0; k < flow.Length; k++)
            if (flow[k] != 0) sum += flow[k] * cost[k];
        return (sum / total, flow, total);
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
