using HpProxy.Core.Common;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Tests.Spaces;

public class ConfigurationSamplerTests
{
    private static SearchSpace BcSpace(bool withDropout = false)
    {
        var entries = new List<KeyValuePair<string, HpDistribution>>
        {
            new("learning_rate", new LogUniformDistribution(1e-4, 1e-2)),
            new("hidden_units", new ChoiceDistribution([HpValue.Of(64), HpValue.Of(128), HpValue.Of(256)])),
            new("hidden_layers", new IntDistribution(1, 3)),
            new("activation", new ConstantDistribution(HpValue.Of("relu"))),
        };
        if (withDropout) entries.Add(new("dropout", new UniformDistribution(0, 0.5)));
        return new SearchSpace(entries);
    }

    [Fact]
    public void A_configuration_has_one_value_per_hyperparameter_within_its_distribution()
    {
        foreach (var c in ConfigurationSampler.SampleFirst(1, "bc", BcSpace(), 50))
        {
            Assert.Equal(["activation", "hidden_layers", "hidden_units", "learning_rate"], c.Hyperparameters.Keys);
            Assert.InRange(c.Hyperparameters.GetDouble("learning_rate", 0), 1e-4, 1e-2);
            Assert.Contains(c.Hyperparameters.GetInt("hidden_units", 0), new[] { 64, 128, 256 });
            Assert.InRange(c.Hyperparameters.GetInt("hidden_layers", 0), 1, 3);
            Assert.Equal("relu", c.Hyperparameters.GetString("activation", ""));
        }
    }

    [Fact]
    public void Sampling_is_deterministic_in_study_seed_algorithm_and_index()
    {
        var a = ConfigurationSampler.SampleFirst(7, "bc", BcSpace(), 10);
        var b = ConfigurationSampler.SampleFirst(7, "bc", BcSpace(), 10);
        Assert.Equal(a.Select(c => c.Id), b.Select(c => c.Id));
        Assert.NotEqual(a.Select(c => c.Id), ConfigurationSampler.SampleFirst(8, "bc", BcSpace(), 10).Select(c => c.Id));
        Assert.Equal(10, a.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Growing_samples_only_appends_configurations()
    {
        var small = ConfigurationSampler.SampleFirst(3, "gail", BcSpace(), 16);
        var large = ConfigurationSampler.SampleFirst(3, "gail", BcSpace(), 40);
        Assert.Equal(small, large.Take(16));
        Assert.Equal(Enumerable.Range(0, 40), large.Select(c => c.Index));
    }

    [Fact]
    public void Algorithms_draw_from_independent_streams()
    {
        // Same space, different algorithm names: different points (and each is independent of the other's presence
        // by construction: the stream is keyed by the algorithm name, not by its position in the file).
        var bc = ConfigurationSampler.SampleFirst(3, "bc", BcSpace(), 8);
        var gail = ConfigurationSampler.SampleFirst(3, "gail", BcSpace(), 8);
        Assert.NotEqual(bc.Select(c => c.Hyperparameters.GetDouble("learning_rate", 0)), gail.Select(c => c.Hyperparameters.GetDouble("learning_rate", 0)));
    }

    [Fact]
    public void Adding_a_hyperparameter_leaves_the_others_values_unchanged()
    {
        var before = ConfigurationSampler.SampleFirst(5, "bc", BcSpace(), 12);
        var after = ConfigurationSampler.SampleFirst(5, "bc", BcSpace(withDropout: true), 12);
        foreach (var (b, a) in before.Zip(after))
        {
            foreach (var (name, value) in b.Hyperparameters) Assert.Equal(value, a.Hyperparameters[name]);
            Assert.True(a.Hyperparameters.ContainsKey("dropout"));
            Assert.NotEqual(b.Id, a.Id);
        }
    }

    [Fact]
    public void Configuration_id_is_16_hex_of_sha256_of_algorithm_and_canonical_json()
    {
        var set = new HyperparameterSet([new("learning_rate", HpValue.Of(0.001)), new("activation", HpValue.Of("relu"))]);
        string id = ConfigurationSampler.ConfigurationId("bc", set);
        Assert.Equal(StableHash.Sha256Hex("bc\n{\"activation\":\"relu\",\"learning_rate\":0.001}")[..16], id);
        Assert.Matches("^[0-9a-f]{16}$", id);
        Assert.NotEqual(id, ConfigurationSampler.ConfigurationId("gail", set));
        // The number 64 and the text "64" are different configurations.
        Assert.NotEqual(
            ConfigurationSampler.ConfigurationId("bc", new HyperparameterSet([new("hidden_units", HpValue.Of(64))])),
            ConfigurationSampler.ConfigurationId("bc", new HyperparameterSet([new("hidden_units", HpValue.Of("64"))])));
    }

    [Fact]
    public void Empty_space_is_one_default_configuration()
    {
        var configs = ConfigurationSampler.SampleFirst(1, "bc", SearchSpace.Empty, 3);
        Assert.All(configs, c => Assert.Empty(c.Hyperparameters));
        Assert.Single(configs.Select(c => c.Id).Distinct());
        Assert.False(SearchSpace.Empty.IsRandom);
    }

    [Fact]
    public void Cardinality_is_the_product_of_discrete_sizes_and_null_when_continuous()
    {
        var discrete = new SearchSpace([
            new("hidden_units", new ChoiceDistribution([HpValue.Of(64), HpValue.Of(128)])),
            new("hidden_layers", new IntDistribution(1, 3)),
            new("activation", new ConstantDistribution(HpValue.Of("relu"))),
        ]);
        Assert.Equal(6, discrete.Cardinality);
        Assert.Null(BcSpace().Cardinality);
    }
}
