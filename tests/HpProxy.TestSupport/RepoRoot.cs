namespace HpProxy.TestSupport;

public static class RepoRoot
{
    /// <summary>The directory holding HpProxy.sln, found by walking up from the test binaries.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HpProxy.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("HpProxy.sln not found above " + AppContext.BaseDirectory);
    }
}
