using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Envs.Demonstrators.Regimes;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Tests.Envs;

public class RegimeTests
{
    private static HyperparameterSet Set(params (string Name, double Value)[] values) =>
        new(values.Select(v => KeyValuePair.Create(v.Name, HpValue.Of(v.Value))));

    [Fact]
    public void Defaults_are_documented_values()
    {
        Assert.Equal(new SyntheticRegimeConfig(0.1), SyntheticRegimeConfig.From(HyperparameterSet.Empty));
        Assert.Equal(new HumanLikeRegimeConfig(0.2, 0.9, 0.02, 5, 0.7, 2, 0.5), HumanLikeRegimeConfig.From(HyperparameterSet.Empty));
        Assert.Equal(0.3, SyntheticRegimeConfig.From(Set(("noise", 0.3))).Noise);
    }

    [Fact]
    public void Unknown_names_and_bad_values_are_validation_errors()
    {
        Assert.Empty(Demonstrators.ValidateRegime("synthetic", Set(("noise", 0.2))));
        Assert.Single(Demonstrators.ValidateRegime("synthetic", Set(("nosie", 0.2))));
        Assert.Single(Demonstrators.ValidateRegime("synthetic", Set(("noise", -1))));
        Assert.Equal(2, Demonstrators.ValidateRegime("human-like", Set(("correlation", 1.5), ("typo", 1))).Count);
        Assert.Single(Demonstrators.ValidateRegime("human-like", Set(("max_delay", 1.5))));
        Assert.Single(Demonstrators.ValidateRegime("clean", Set(("noise", 0.1))));
        Assert.Single(Demonstrators.ValidateRegime("expert", HyperparameterSet.Empty));
        var text = new HyperparameterSet([KeyValuePair.Create("noise", HpValue.Of("high"))]);
        Assert.Single(Demonstrators.ValidateRegime("synthetic", text));
        Assert.Throws<ArgumentException>(() => Demonstrators.Create("pendulum", "scripted", "synthetic", Set(("nosie", 0.2))));
    }

    [Fact]
    public void Synthetic_noise_has_the_configured_scale_and_is_reproducible()
    {
        var actions1 = Actions(new SyntheticDemonstrator(new ConstantDemonstrator(0.2f), new SyntheticRegimeConfig(0.1)), 1, 4000);
        var actions2 = Actions(new SyntheticDemonstrator(new ConstantDemonstrator(0.2f), new SyntheticRegimeConfig(0.1)), 1, 4000);
        var actions3 = Actions(new SyntheticDemonstrator(new ConstantDemonstrator(0.2f), new SyntheticRegimeConfig(0.1)), 2, 4000);
        Assert.Equal(actions1, actions2);
        Assert.NotEqual(actions1, actions3);
        Assert.InRange(actions1.Average(), 0.19, 0.21);
        Assert.InRange(Std(actions1), 0.095, 0.105);
        Assert.InRange(Lag1(actions1), -0.05, 0.05);
    }

    [Fact]
    public void Human_like_noise_is_an_OU_process_with_the_configured_std_and_correlation()
    {
        var config = new HumanLikeRegimeConfig(Noise: 0.2, Correlation: 0.9, Hesitation: 0, SkillMin: 1, MaxDelay: 0);
        var actions = Actions(new HumanLikeDemonstrator(new ConstantDemonstrator(0f), 1, config), 7, 20000);
        Assert.InRange(Std(actions), 0.18, 0.22);
        Assert.InRange(Lag1(actions), 0.87, 0.93);
    }

    [Fact]
    public void Human_like_delay_gain_and_hesitation_act_as_documented()
    {
        // A ramp controller makes the delay visible: output t is (t − delay)·0.01·gain when noise is off.
        var config = new HumanLikeRegimeConfig(Noise: 0, Correlation: 0, Hesitation: 0, SkillMin: 0.5, MaxDelay: 3, ModeMix: 0);
        var demo = new HumanLikeDemonstrator(new RampDemonstrator(), 1, config);
        var delays = new HashSet<int>();
        for (ulong seed = 0; seed < 40; seed++)
        {
            var a = Actions(demo, seed, 20);
            var (gain, delay, _) = demo.EpisodeTraits;
            delays.Add(delay);
            Assert.InRange(gain, 0.5, 1.0);
            for (int t = 0; t < 20; t++)
                Assert.Equal(t < delay ? 0.0 : (t - delay) * 0.01 * gain, a[t], 1e-5);
        }
        Assert.Equal([0, 1, 2, 3], delays.Order());

        var hesitant = new HumanLikeDemonstrator(new RampDemonstrator(),
            1, new HumanLikeRegimeConfig(Noise: 0, Correlation: 0, Hesitation: 0.2, HesitationSteps: 3, SkillMin: 1, MaxDelay: 0));
        var h = Actions(hesitant, 3, 200);
        int deviations = Enumerable.Range(0, 200).Count(t => Math.Abs(h[t] - Math.Min(1, t * 0.01)) > 1e-6);
        Assert.InRange(deviations, 20, 150); // ≈ 0.2/(1 + 0.2·2) of steps hesitate ⇒ ≈ 55–60
    }

    [Fact]
    public void Human_like_regime_mixes_solution_modes()
    {
        var inner = new PendulumModeProbe();
        var demo = new HumanLikeDemonstrator(inner, 1, new HumanLikeRegimeConfig(ModeMix: 0.5));
        int ones = 0;
        for (ulong seed = 0; seed < 400; seed++)
        {
            demo.Reset(seed);
            ones += inner.Mode;
        }
        Assert.InRange(ones, 160, 240);
        var never = new HumanLikeDemonstrator(inner, 1, new HumanLikeRegimeConfig(ModeMix: 0));
        for (ulong seed = 0; seed < 50; seed++)
        {
            never.Reset(seed);
            Assert.Equal(0, inner.Mode);
        }
    }

    private static double[] Actions(IDemonstrator demo, ulong seed, int steps)
    {
        demo.Reset(seed);
        var a = new float[1];
        var result = new double[steps];
        for (int t = 0; t < steps; t++)
        {
            demo.Act([0f], a);
            result[t] = a[0];
        }
        return result;
    }

    private static double Std(double[] x)
    {
        double m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / x.Length);
    }

    private static double Lag1(double[] x)
    {
        double m = x.Average(), num = 0, den = 0;
        for (int i = 0; i < x.Length; i++)
        {
            den += (x[i] - m) * (x[i] - m);
            if (i > 0) num += (x[i] - m) * (x[i - 1] - m);
        }
        return num / den;
    }

    private sealed class ConstantDemonstrator(float value) : IDemonstrator
    {
        public string Name => "constant";
        public void Reset(ulong episodeSeed) { }
        public void Act(ReadOnlySpan<float> observation, Span<float> action) => action.Fill(value);
    }

    private sealed class RampDemonstrator : IDemonstrator
    {
        private int _t;
        public string Name => "ramp";
        public void Reset(ulong episodeSeed) => _t = 0;
        public void Act(ReadOnlySpan<float> observation, Span<float> action) => action[0] = Math.Min(1f, 0.01f * _t++);
    }

    private sealed class PendulumModeProbe : IMultimodalDemonstrator
    {
        public string Name => "probe";
        public int ModeCount => 2;
        public int Mode { get; set; }
        public void Reset(ulong episodeSeed) { }
        public void Act(ReadOnlySpan<float> observation, Span<float> action) => action[0] = Mode;
    }
}
