using HpProxy.Core.Proxies;
using HpProxy.Core.Proxies.Transport;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Tests.Proxies;

public class ProxyRegistryTests
{
    [Fact]
    public void DirectionsArePinned()
    {
        var expected = new Dictionary<string, ProxyDirection>
        {
            ["action_mse"] = ProxyDirection.LowerIsBetter,
            ["state_wasserstein"] = ProxyDirection.LowerIsBetter,
            ["state_action_wasserstein"] = ProxyDirection.LowerIsBetter,
            ["exact_wasserstein"] = ProxyDirection.LowerIsBetter,
            ["rnd"] = ProxyDirection.HigherIsBetter,
            ["imitation_return"] = ProxyDirection.HigherIsBetter,
            ["reference_imitation_return"] = ProxyDirection.HigherIsBetter,
            ["bc_loss"] = ProxyDirection.LowerIsBetter,
            ["discriminator_accuracy"] = ProxyDirection.LowerIsBetter,
            ["discriminator_entropy"] = ProxyDirection.HigherIsBetter,
        };
        foreach (var (name, direction) in expected)
        {
            Assert.Equal(direction, ProxyRegistry.Get(name).Direction);
            Assert.Equal(direction, ProxyRegistry.Create(name, HyperparameterSet.Empty).Direction);
            Assert.Equal(name, ProxyRegistry.Create(name, HyperparameterSet.Empty).Name);
        }
        Assert.Subset(ProxyRegistry.Names.ToHashSet(), expected.Keys.ToHashSet());
    }

    [Fact]
    public void WassersteinDefaultsArePinned()
    {
        var d = new WassersteinSettings();
        Assert.Equal(0.01, d.Epsilon);
        Assert.Equal(0.0, d.EpsilonScaling);
        Assert.Equal(EpsilonScale.MeanCost, d.EpsilonScale);
        Assert.Equal(GroundCost.Euclidean, d.Cost);
        Assert.Equal(1000, d.MaxPoints);
        Assert.Equal(200, d.Iterations);
        Assert.Equal(DemonstrationSource.Train, d.Demonstrations);
        Assert.Equal(d, WassersteinSettings.Bind(HyperparameterSet.Empty));
        var described = ProxyRegistry.Get("state_wasserstein").Settings.ToDictionary(s => s.Name, s => s.Default.ToString());
        Assert.Equal("0.01", described["epsilon"]);
        Assert.Equal("mean_cost", described["epsilon_scale"]);
        Assert.Equal("euclidean", described["cost"]);
        Assert.Equal("1000", described["max_points"]);
    }

    [Fact]
    public void ReadsAreDeclared()
    {
        Assert.Equal(ProxyReads.ValidationDemonstrations | ProxyReads.Policy, ProxyRegistry.Get("action_mse").Reads);
        Assert.True(ProxyRegistry.Get("state_wasserstein").Reads.HasFlag(ProxyReads.AgentRollouts));
        Assert.Equal(ProxyReads.TrainingState, ProxyRegistry.Get("bc_loss").Reads);
        var validationSide = ProxyRegistry.Create("state_wasserstein", Settings(("demonstrations", HpValue.Of("validation"))));
        Assert.Equal(ProxyReads.AgentRollouts | ProxyReads.ValidationDemonstrations, validationSide.Reads);
    }

    [Fact]
    public void ValidationReportsEveryProblemAtOnce()
    {
        var errors = ProxyRegistry.ValidateSettings("state_wasserstein", Settings(
            ("epsilon", HpValue.Of(-1)),
            ("max_points", HpValue.Of(10.5)),
            ("cost", HpValue.Of("manhattan")),
            ("espilon", HpValue.Of(0.1))));
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Contains("unknown setting 'espilon'"));
        Assert.Contains(errors, e => e.Contains("'cost' = 'manhattan'"));
        Assert.Contains(errors, e => e.Contains("must be an integer"));
        Assert.Contains(errors, e => e.Contains("'epsilon' = '-1'"));
        Assert.Single(ProxyRegistry.ValidateSettings("nope", HyperparameterSet.Empty));
        Assert.Single(ProxyRegistry.ValidateSettings("action_mse", Settings(("x", HpValue.Of(1)))));
        Assert.Empty(ProxyRegistry.ValidateSettings("state_wasserstein", Settings(("epsilon", HpValue.Of(0.1)), ("cost", HpValue.Of("squared_euclidean")))));
        Assert.Throws<ArgumentException>(() => ProxyRegistry.Create("state_wasserstein", Settings(("epsilon", HpValue.Of(0)))));
        Assert.Throws<ArgumentException>(() => ProxyRegistry.Create("nope", HyperparameterSet.Empty));
    }

    [Fact]
    public void SettingsBindToTheRecord()
    {
        var p = (WassersteinProxy)ProxyRegistry.Create("state_action_wasserstein", Settings(
            ("epsilon", HpValue.Of(0.2)), ("epsilon_scale", HpValue.Of("absolute")), ("max_points", HpValue.Of(300)),
            ("cost", HpValue.Of("squared_euclidean"))));
        Assert.Equal(0.2, p.Settings.Epsilon);
        Assert.Equal(EpsilonScale.Absolute, p.Settings.EpsilonScale);
        Assert.Equal(300, p.Settings.MaxPoints);
        Assert.Equal(GroundCost.SquaredEuclidean, p.Settings.Cost);
    }

    internal static HyperparameterSet Settings(params (string Name, HpValue Value)[] values) =>
        new(values.Select(v => new KeyValuePair<string, HpValue>(v.Name, v.Value)));
}
