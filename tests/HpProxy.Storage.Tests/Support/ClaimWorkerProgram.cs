using HpProxy.Core.Runs;

namespace HpProxy.Storage.Tests.Support;

/// <summary>
/// Entry point of the test assembly (the generated one is disabled), used by the multi-process test:
/// <c>dotnet HpProxy.Storage.Tests.dll claim-worker &lt;sqlite-path | postgres-connection&gt; &lt;study&gt; &lt;owner&gt; &lt;runs&gt;</c>.
/// The worker prints "ready", waits for a line on stdin, then tries to claim and complete every run, printing
/// each run it completed. The test runner (testhost) never calls this.
/// </summary>
public static class ClaimWorkerProgram
{
    public static int Main(string[] args)
    {
        if (args.Length != 5 || args[0] != "claim-worker")
        {
            Console.Error.WriteLine("usage: claim-worker <sqlite-path|postgres-connection> <study> <owner> <runs>");
            return 2;
        }
        string target = args[1], study = args[2], owner = args[3];
        int runs = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
        using StudyStoreBase store = target.Contains("Host=", StringComparison.Ordinal)
            ? new PostgresStudyStore(target, study)
            : new SqliteStudyStore(target);
        Console.WriteLine("ready");
        Console.ReadLine();
        int seed = owner.Aggregate(17, (h, ch) => h * 31 + ch) & 0x7fff;
        foreach (int i in Enumerable.Range(0, runs).OrderBy(i => (i * (seed | 1)) % runs))
        {
            var claim = store.TryClaim($"run{i:D4}", owner, TimeSpan.FromMinutes(5));
            if (claim is null) continue;
            var cp = new CheckpointResult(0, 1, i, 0, new Dictionary<string, double> { ["p"] = i }, 0);
            if (store.CompleteSucceeded(claim, [cp], 0)) Console.WriteLine($"done run{i:D4}");
        }
        return 0;
    }
}
