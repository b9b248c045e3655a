using HpProxy.Core.Common;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Tests.Spaces;

public class DistributionTests
{
    private static double[] Draw(HpDistribution d, int n, ulong seed = 42)
    {
        var rng = new Rng(seed);
        return [.. Enumerable.Range(0, n).Select(_ => d.Sample(rng).Number!.Value)];
    }

    [Fact]
    public void Uniform_stays_in_its_half_open_interval_and_is_centred()
    {
        var x = Draw(new UniformDistribution(-2.0, 3.0), 4000);
        Assert.All(x, v => Assert.InRange(v, -2.0, 3.0 - 1e-12));
        Assert.InRange(x.Average(), 0.5 - 0.1, 0.5 + 0.1); // sd of the mean = 5/sqrt(12*4000) ≈ 0.023
    }

    [Fact]
    public void Log_uniform_gives_each_decade_the_same_share()
    {
        var x = Draw(new LogUniformDistribution(1e-4, 1e-1), 6000);
        Assert.All(x, v => Assert.InRange(v, 1e-4, 1e-1));
        // Three decades, one third each (binomial sd ≈ 0.006); a plain uniform would put 99% in the last decade.
        double[] shares = [x.Count(v => v < 1e-3) / 6000.0, x.Count(v => v >= 1e-3 && v < 1e-2) / 6000.0, x.Count(v => v >= 1e-2) / 6000.0];
        Assert.All(shares, s => Assert.InRange(s, 0.30, 0.367));
    }

    [Fact]
    public void Int_includes_both_bounds_and_nothing_else()
    {
        var x = Draw(new IntDistribution(1, 3), 3000);
        Assert.Equal([1.0, 2.0, 3.0], x.Distinct().Order());
        foreach (var v in new[] { 1.0, 2.0, 3.0 }) Assert.InRange(x.Count(y => y == v) / 3000.0, 0.3, 0.367);
    }

    [Fact]
    public void Log_int_is_log_uniform_over_integers_and_inclusive()
    {
        var x = Draw(new IntDistribution(1, 999, log: true), 6000);
        Assert.All(x, v => Assert.Equal(Math.Floor(v), v));
        Assert.All(x, v => Assert.InRange(v, 1, 999));
        // floor of log-uniform on [1, 1000): P(x < 10) = log(10)/log(1000) = 1/3.
        Assert.InRange(x.Count(v => v < 10) / 6000.0, 0.30, 0.367);
        Assert.Contains(999.0, Draw(new IntDistribution(998, 999, log: true), 200));
    }

    [Fact]
    public void Choice_draws_every_value_about_equally()
    {
        var d = new ChoiceDistribution([HpValue.Of("relu"), HpValue.Of("tanh"), HpValue.Of(64)]);
        var rng = new Rng(3);
        var draws = Enumerable.Range(0, 3000).Select(_ => d.Sample(rng)).ToList();
        foreach (var v in d.Values) Assert.InRange(draws.Count(x => x == v) / 3000.0, 0.3, 0.367);
    }

    [Fact]
    public void Constant_always_returns_its_value()
    {
        var d = new ConstantDistribution(HpValue.Of(256));
        Assert.All(Draw(d, 10), v => Assert.Equal(256, v));
        Assert.False(d.IsRandom);
        Assert.Equal(1, d.Cardinality);
    }

    [Fact]
    public void Same_seed_same_draws_other_seed_other_draws()
    {
        var d = new LogUniformDistribution(1e-5, 1e-2);
        Assert.Equal(Draw(d, 20, seed: 9), Draw(d, 20, seed: 9));
        Assert.NotEqual(Draw(d, 20, seed: 9), Draw(d, 20, seed: 10));
    }

    [Fact]
    public void Invalid_bounds_are_rejected_at_construction()
    {
        Assert.Throws<ArgumentException>(() => new UniformDistribution(1, 1));
        Assert.Throws<ArgumentException>(() => new UniformDistribution(0, double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => new LogUniformDistribution(0, 1));
        Assert.Throws<ArgumentException>(() => new LogUniformDistribution(1e-2, 1e-3));
        Assert.Throws<ArgumentException>(() => new IntDistribution(3, 1));
        Assert.Throws<ArgumentException>(() => new IntDistribution(0, 10, log: true));
        Assert.Throws<ArgumentException>(() => new ChoiceDistribution([]));
    }

    [Fact]
    public void Boundary_values_are_the_bounds_and_choices()
    {
        Assert.Equal([HpValue.Of(1e-4), HpValue.Of(1e-2)], new LogUniformDistribution(1e-4, 1e-2).BoundaryValues);
        Assert.Equal([HpValue.Of(1), HpValue.Of(3)], new IntDistribution(1, 3).BoundaryValues);
        Assert.Equal([HpValue.Of("a"), HpValue.Of("b")], new ChoiceDistribution([HpValue.Of("a"), HpValue.Of("b")]).BoundaryValues);
    }

    [Fact]
    public void Describe_uses_the_study_file_syntax()
    {
        Assert.Equal("{log_uniform: [0.0001, 0.01]}", new LogUniformDistribution(1e-4, 1e-2).Describe());
        Assert.Equal("{int: [16, 512], log: true}", new IntDistribution(16, 512, log: true).Describe());
        Assert.Equal("{choice: [relu, 64]}", new ChoiceDistribution([HpValue.Of("relu"), HpValue.Of(64)]).Describe());
    }
}
