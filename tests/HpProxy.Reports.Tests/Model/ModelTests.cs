using HpProxy.Reports.Figures;
using HpProxy.Reports.Model;
using HpProxy.Storage;

namespace HpProxy.Reports.Tests.Model;

public sealed class ModelTests
{
    [Fact]
    public void ConfigurationsAreMeansOverSeedsOfTheLastCheckpoint()
    {
        var model = ReportModelFactory.Create(StudyData.Create(), ReportFixture.Options with { B = 10 });
        Assert.Equal(20, model.Points.Count);
        var p = model.Points.Single(x => x.Group.Algorithm == "gail" && x.ConfigId == "c09");
        Assert.Equal(2, p.Seeds);
        // q = 1, last checkpoint progress 0.5 (odd configuration), noise 0.01·((7s + 27 + 2) mod 5 − 2) for s = 0, 1.
        double expected = ((1.0 * 0.5 + 0.01 * ((29 % 5) - 2)) + (1.0 * 0.5 + 0.01 * ((36 % 5) - 2))) / 2;
        Assert.Equal(expected, p.Score, 12);
        Assert.Equal(1 - expected, p.Proxies["state_wasserstein"], 12);
        Assert.Equal("tanh", p.Hyperparameters["activation"].Text);
        Assert.Equal(64, p.Hyperparameters["units"].Number); // 64 · (1 + 9 mod 3)
    }

    [Fact]
    public void ProvenanceCountsRunsSeedsAndConfigurations()
    {
        var prov = ReportModelFactory.Create(StudyData.Create(), ReportFixture.Options with { B = 10 }).Provenance;
        Assert.Equal(40, prov.Count(RunState.Succeeded));
        Assert.Equal(1, prov.Count(RunState.Failed));
        Assert.Equal(1, prov.Count(RunState.Pending));
        Assert.Equal([0, 1], prov.Seeds);
        Assert.Equal(22, prov.Configurations);
        Assert.Equal("test-1.0", prov.CodeVersion);
        Assert.Equal("v0.0-test", prov.StudyCodeVersion);
        Assert.Equal("0123456789ab", prov.HashPrefix);
        Assert.Contains("40 succeeded, 1 failed of 42", prov.Footer);
    }

    [Theory]
    [InlineData(1, "· 1 seed")]
    [InlineData(2, "· 2 seeds")]
    public void TheFooterCountsSeedsInWords(int seeds, string ending)
    {
        var prov = ReportModelFactory.Create(StudyData.Create(seeds: seeds, withFailure: false), ReportFixture.Options with { B = 10 }).Provenance;
        Assert.EndsWith(ending, prov.Footer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.0.0+f9be73fc1a3713e2ca7e14b890bd4394d457c67b", "1.0.0+f9be73fc1a37")]
    [InlineData("v0.3-12-gabc1234", "v0.3-12-gabc1234")]
    [InlineData("1.0.0+abc", "1.0.0+abc")]
    public void FooterShortensLongCommitSuffixes(string version, string expected)
    {
        var prov = ReportModelFactory.Create(StudyData.Create(configs: 2, seeds: 1), ReportFixture.Options with { B = 5, CodeVersion = version }).Provenance;
        Assert.Equal(expected, prov.ShortCodeVersion);
        Assert.Contains("code " + expected + " ·", prov.Footer);
        Assert.Equal(version, prov.CodeVersion);
    }

    [Theory]
    [InlineData("{\"hyperparameters\":{\"lr\":0.001,\"act\":\"relu\",\"norm\":true}}", 3)]
    [InlineData("{\"spec\":{\"Hyperparameters\":{\"lr\":{\"number\":0.5},\"act\":{\"text\":\"tanh\"}}}}", 2)]
    [InlineData("not json", 0)]
    [InlineData("{}", 0)]
    public void HyperparametersAreReadFromSpecJson(string json, int count)
    {
        var hps = SpecHyperparameters.Read(json);
        Assert.Equal(count, hps.Count);
        if (count == 2)
        {
            Assert.Equal(0.5, hps["lr"].Number);
            Assert.Equal("tanh", hps["act"].Text);
        }
    }

    [Fact]
    public void FileNamesAreSafeAndDistinct()
    {
        Assert.Equal("scatter__pendulum__bc", FileNames.Slug("scatter", "pendulum", "bc"));
        string a = FileNames.Slug("x", "a/b"), b = FileNames.Slug("x", "a b");
        Assert.NotEqual(a, b);
        Assert.Matches("^[a-z0-9._-]+$", a);
        Assert.DoesNotContain("..", FileNames.Slug("x", "../../etc"));
    }
}
