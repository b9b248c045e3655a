using System.Runtime.CompilerServices;

namespace HpProxy.Reports.Tests;

/// <summary>Compares text with a checked-in expected file in Snapshots/. With HPPROXY_UPDATE_SNAPSHOTS=1 the file
/// is rewritten instead (then review the diff and commit it).</summary>
public static class Snapshot
{
    public static void AssertMatches(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        string sourceFile = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots", name);
        if (Environment.GetEnvironmentVariable("HPPROXY_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(sourceFile, actual);
            return;
        }
        string expectedFile = File.Exists(sourceFile) ? sourceFile : Path.Combine(AppContext.BaseDirectory, "Snapshots", name);
        Assert.True(File.Exists(expectedFile), $"missing snapshot {name}; run with HPPROXY_UPDATE_SNAPSHOTS=1");
        string expected = File.ReadAllText(expectedFile).ReplaceLineEndings("\n");
        actual = actual.ReplaceLineEndings("\n");
        if (expected == actual) return;
        int at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at]) at++;
        int line = expected[..at].Count(c => c == '\n') + 1;
        string Around(string s) => s.Substring(Math.Max(0, at - 60), Math.Min(s.Length - Math.Max(0, at - 60), 160));
        Assert.Fail($"{name} differs from Snapshots/{name} at line {line}.\nexpected: …{Around(expected)}…\nactual:   …{Around(actual)}…\n" +
            "If the change is intended (e.g. the analysis changed its numbers), re-run with HPPROXY_UPDATE_SNAPSHOTS=1 and commit the file.");
    }
}
