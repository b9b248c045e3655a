using HpProxy.Core.Common;
using HpProxy.Core.Proxies;
using HpProxy.Core.Proxies.Rewards;
using HpProxy.Core.Spaces;
using static HpProxy.Core.Tests.Proxies.ProxyTestData;

namespace HpProxy.Core.Tests.Proxies;

public class RndProxyTests
{
    private static HyperparameterSet Quick => ProxyRegistryTests.Settings(
        ("training_steps", HpValue.Of(300)), ("units", HpValue.Of(32)), ("batch_size", HpValue.Of(64)));

    [Fact]
    public void ScoresExpertLikeStatesAboveDistantOnes()
    {
        var rng = new Rng(1);
        var demos = Gaussian(rng, 4, 50, 3, 1, 0);
        var proxy = ProxyRegistry.Create("rnd", Quick);
        double expert = proxy.Compute(Inputs(Gaussian(rng, 2, 50, 3, 1, 0), demos, demos));
        double near = proxy.Compute(Inputs(Gaussian(rng, 2, 50, 3, 1, 1), demos, demos));
        double far = proxy.Compute(Inputs(Gaussian(rng, 2, 50, 3, 1, 4), demos, demos));
        Assert.InRange(expert, 0, 1);
        Assert.True(expert > near && near > far, $"{expert} {near} {far}");
    }

    [Fact]
    public void TrainingLowersThePredictionErrorOnExpertStates()
    {
        var rng = new Rng(2);
        var states = Enumerable.Range(0, 600).Select(_ => (float)rng.NextGaussian()).ToArray();
        var untrained = new RndModel(states, 3, new RndSettings { TrainingSteps = 0, Units = 32 }, new SeedStreams(5));
        var trained = new RndModel(states, 3, new RndSettings { TrainingSteps = 300, Units = 32, BatchSize = 64 }, new SeedStreams(5));
        Assert.True(trained.Score(states) > untrained.Score(states), $"{trained.Score(states)} vs {untrained.Score(states)}");
    }

    [Fact]
    public void IsDeterministicAcrossInstances()
    {
        var demos = Gaussian(new Rng(3), 3, 40, 2, 1, 0);
        var agent = Gaussian(new Rng(4), 2, 40, 2, 1, 0.5f);
        double a = ProxyRegistry.Create("rnd", Quick).Compute(Inputs(agent, demos, demos));
        // A fresh demonstration set object (no cache hit) with equal content gives the same number.
        var copy = demos.Select(e => new HpProxy.Core.Envs.Data.Trajectory(e.ObservationSize, e.ActionSize,
            (float[])e.Observations.Clone(), (float[])e.Actions.Clone(), e.Terminated)).ToList();
        double b = ProxyRegistry.Create("rnd", Quick).Compute(Inputs(agent, copy, copy));
        Assert.Equal(a, b);
    }

    [Fact]
    public void DefaultsArePinned()
    {
        var d = new RndSettings();
        Assert.Equal((64, 16, 2000, 256, 1e-3), (d.Units, d.OutputSize, d.TrainingSteps, d.BatchSize, d.LearningRate));
        Assert.Equal(ProxyDirection.HigherIsBetter, ProxyRegistry.Get("rnd").Direction);
    }
}
