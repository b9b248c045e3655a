namespace HpProxy.Core.Tests.Studies;

/// <summary>Locates files of the repository (study files, fixtures) from the test output folder.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HpProxy.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root (HpProxy.sln) not found");
        }
    }

    public static string Studies => Path.Combine(Root, "studies");

    public static string StudyFixtures => Path.Combine(Root, "tests", "HpProxy.Core.Tests", "Fixtures", "studies");
}
