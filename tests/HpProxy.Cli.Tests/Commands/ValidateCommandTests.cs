using HpProxy.Cli.Tests.Support;
using HpProxy.Cli.Wiring;

namespace HpProxy.Cli.Tests.Commands;

/// <summary><c>validate</c> with the product's catalog: every study file the repository ships must be valid.</summary>
public sealed class ValidateCommandTests
{
    private static readonly CliServices Product = CliRunner.Services() with
    {
        Studies = new CoreStudyFrontEnd(ProductServices.StudyCatalog, ProductServices.RunServices),
    };

    public static TheoryData<string> ShippedStudies()
    {
        var data = new TheoryData<string>();
        foreach (string f in Directory.GetFiles(Path.Combine(RepoRoot(), "studies"), "*.yaml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedStudies))]
    public void Every_shipped_study_file_is_valid(string file)
    {
        var r = CliRunner.Run(Product, "validate", Path.Combine(RepoRoot(), "studies", file));

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains(": valid, ", r.Out);
    }

    [Fact]
    public void An_invalid_file_is_reported_with_its_locations_and_exit_code_2()
    {
        using var dir = new TempDirectory();
        string file = dir.File("bad.yaml", "name: bad\nseed: 1\ntasks: [pendulum]\n");

        var r = CliRunner.Run(Product, "validate", file);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{file}:1:1: ", r.Err);
        Assert.Contains("error(s) in", r.Err);
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "HpProxy.sln"))) return d.FullName;
        }
        throw new InvalidOperationException("HpProxy.sln not found");
    }
}
