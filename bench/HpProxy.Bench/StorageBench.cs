using System.Diagnostics;
using System.Globalization;
using HpProxy.Core.Runs;
using HpProxy.Storage;

namespace HpProxy.Bench;

/// <summary>
/// Study database throughput: <c>dotnet run -c Release --project bench/HpProxy.Bench -- storage [runs] [postgres-connection]</c>.
/// Plans <c>runs</c> runs (default 10,000), claims and completes each with 5 checkpoints × 6 proxies from one
/// thread, then from two threads on a second set, and times <see cref="IStudyStore.GetCheckpoints"/> (median of 5).
/// SQLite always; PostgreSQL too when a connection string is given or HPPROXY_TEST_POSTGRES is set.
/// </summary>
public static class StorageBench
{
    private static readonly string[] ProxyNames = ["bc_loss", "bc_val", "wasserstein", "sinkhorn", "disc_acc", "rnd"];

    public static void Run(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        string? pg = args.Length > 1 ? args[1] : Environment.GetEnvironmentVariable("HPPROXY_TEST_POSTGRES");
        string root = Path.Combine(Path.GetTempPath(), "hpproxy-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Measure("sqlite", () => new SqliteStudyStore(Path.Combine(root, "study.db")), runs, null);
            if (!string.IsNullOrWhiteSpace(pg))
            {
                string study = "bench_" + Guid.NewGuid().ToString("N")[..8];
                Measure("postgres", () => new PostgresStudyStore(pg, study), runs, s => ((PostgresStudyStore)s).DropSchema());
            }
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static void Measure(string name, Func<StudyStoreBase> open, int runs, Action<StudyStoreBase>? cleanup)
    {
        using var store = open();
        store.Migrate();
        try
        {
            var planned = Enumerable.Range(0, 2 * runs)
                .Select(i => new PlannedRun($"run{i:D6}", i % 2 == 0 ? "hopper" : "walker", "synthetic-20", $"alg{i % 4}", $"cfg{i % 50}", i % 5, "{\"bench\":true}"))
                .ToList();
            var sw = Stopwatch.StartNew();
            store.AddRuns(planned);
            Report(name, $"AddRuns {2 * runs}", sw.Elapsed, 2 * runs);

            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            sw.Restart();
            for (int i = 0; i < runs; i++) Finish(store, $"run{i:D6}", "bench-1");
            Report(name, "claim+complete, 1 thread (5 ckpt x 6 proxies)", sw.Elapsed, runs);
            Console.WriteLine($"{name,-9}   client CPU per claim+complete: {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / runs:F2} ms");

            using var second = open();
            sw.Restart();
            var threads = new[] { store, second }.Select((s, t) => new Thread(() =>
            {
                for (int i = runs + t; i < 2 * runs; i += 2) Finish(s, $"run{i:D6}", $"bench-t{t}");
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Report(name, "claim+complete, 2 threads, 2 connections", sw.Elapsed, runs);

            sw.Restart();
            int claims = 0;
            for (int i = 0; i < runs; i++)
            {
                if (store.TryClaim($"run{i:D6}", "late", TimeSpan.FromMinutes(1)) is null) claims++;
            }
            Report(name, "duplicate deliveries (TryClaim on finished runs)", sw.Elapsed, claims);

            // Wall time and this process's CPU time: on a loaded machine the CPU time is the steadier figure
            // (the database server's own CPU, for PostgreSQL, is not in it).
            var times = new List<(double Wall, double Cpu)>();
            int rows = 0;
            for (int k = 0; k < 5; k++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                sw.Restart();
                rows = store.GetCheckpoints().Count;
                times.Add((sw.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds));
            }
            times.Sort();
            Console.WriteLine($"{name,-9} GetCheckpoints: {rows} rows ({2 * runs} runs x 5 ckpt x 6 proxies), median wall {times[2].Wall:F0} ms (min {times[0].Wall:F0}), client CPU {times[2].Cpu:F0} ms");
        }
        finally
        {
            cleanup?.Invoke(store);
        }
    }

    private static void Finish(StudyStoreBase store, string runId, string owner)
    {
        var claim = store.TryClaim(runId, owner, TimeSpan.FromMinutes(1)) ?? throw new InvalidOperationException("claim failed: " + runId);
        var cps = new CheckpointResult[5];
        for (int c = 0; c < cps.Length; c++)
        {
            var proxies = new Dictionary<string, double>();
            for (int p = 0; p < ProxyNames.Length; p++) proxies[ProxyNames[p]] = c * 10 + p + 0.5;
            cps[c] = new CheckpointResult(c, (c + 1) * 20_000L, 100.0 * c, c / 4.0, proxies, c * 3.0);
        }
        if (!store.CompleteSucceeded(claim, cps, 15.0)) throw new InvalidOperationException("complete failed: " + runId);
    }

    private static void Report(string name, string what, TimeSpan elapsed, int count) =>
        Console.WriteLine($"{name,-9} {what}: {count} in {elapsed.TotalSeconds:F2} s = {count / elapsed.TotalSeconds:F0}/s");
}
