namespace HpProxy.Core.Tests.Conventions;

/// <summary>Conventions that keep studies reproducible, enforced on the source tree.</summary>
public class CodeConventionTests
{
    private static string CoreSourceDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HpProxy.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "src", "HpProxy.Core");
    }

    [Theory]
    [InlineData("new Random(")]
    [InlineData("Random.Shared")]
    [InlineData("System.Random")]
    [InlineData("DateTime.Now")]
    [InlineData("DateTime.UtcNow")]
    [InlineData("Environment.TickCount")]
    [InlineData("Guid.NewGuid")]
    public void Core_has_no_hidden_source_of_nondeterminism(string forbidden)
    {
        var offenders = Directory.EnumerateFiles(CoreSourceDirectory(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => File.ReadAllText(f).Contains(forbidden, StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();
        Assert.True(offenders.Count == 0, $"'{forbidden}' used in: {string.Join(", ", offenders)} (use Common.Rng / SeedStreams)");
    }

    [Fact]
    public void Core_references_no_io_package_of_ours()
    {
        var references = typeof(HpProxy.Core.Common.Rng).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain("HpProxy.Storage", references);
        Assert.DoesNotContain("Dapper", references);
        Assert.DoesNotContain("Microsoft.Data.Sqlite", references);
        Assert.DoesNotContain("Hangfire.Core", references);
    }
}
