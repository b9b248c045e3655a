using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Tests.Envs;

public class DemonstratorTests
{
    /// <summary>
    /// Documented minimum mean returns of the clean scripted controllers (20 episodes) and the random
    /// reference on the same seeds. Measured (docs in each controller): pendulum ≈ −145 vs −1210,
    /// cartpole-swingup ≈ 183 vs 4, balance 200 vs 28, mountaincar ≈ 92 vs −17, acrobot ≈ 75 vs 3.4,
    /// reacher ≈ −10.4 vs −46, pointmass ≈ −16 vs −106.
    /// </summary>
    public static TheoryData<string, double> Minimums() => new()
    {
        { "pendulum", -250 },
        { "cartpole-swingup", 160 },
        { "cartpole-balance", 199.9 },
        { "mountaincar", 85 },
        { "acrobot", 60 },
        { "reacher2d", -14 },
        { "pointmass", -25 },
    };

    [Theory]
    [MemberData(nameof(Minimums))]
    public void Clean_scripted_controller_reaches_its_documented_return(string task, double minimum)
    {
        var env = new ClassicControlTasks().Create(task);
        var demo = Demonstrators.Create(task, "scripted", "clean", HyperparameterSet.Empty);
        var episodes = DemoGenerator.Generate(env, demo, 20, seed: 11);
        double expert = ReferenceReturnsMeter.ExpertReturn(episodes);
        double random = ReferenceReturnsMeter.RandomReturn(env);
        Assert.True(expert >= minimum, $"{task}: mean return {expert} < documented {minimum}");
        Assert.True(expert > random + 0.5 * Math.Abs(random) + 5, $"{task}: expert {expert} not well above random {random}");
    }

    [Theory]
    [MemberData(nameof(Minimums))]
    public void Synthetic_regime_keeps_most_of_the_score_and_human_like_stays_well_above_random(string task, double minimum)
    {
        _ = minimum;
        var env = new ClassicControlTasks().Create(task);
        double random = ReferenceReturnsMeter.RandomReturn(env);
        double clean = Mean(env, Demonstrators.Create(task, "scripted", "clean", HyperparameterSet.Empty));
        var reference = new ReferenceReturns(random, clean);
        double synthetic = reference.Normalize(Mean(env, Demonstrators.Create(task, "scripted", "synthetic", HyperparameterSet.Empty)));
        double human = reference.Normalize(Mean(env, Demonstrators.Create(task, "scripted", "human-like", HyperparameterSet.Empty)));
        Assert.True(synthetic >= 0.8, $"{task}: synthetic normalised score {synthetic}");
        Assert.True(human >= 0.3, $"{task}: human-like normalised score {human}");
    }

    [Fact]
    public void Every_classic_task_has_the_scripted_demonstrator()
    {
        foreach (var t in new ClassicControlTasks().Tasks)
        {
            Assert.Equal(["scripted"], Demonstrators.NamesFor(t.Name));
            foreach (var regime in Demonstrators.Regimes)
                Assert.NotNull(Demonstrators.Create(t.Name, "scripted", regime, HyperparameterSet.Empty));
        }
        Assert.Empty(Demonstrators.NamesFor("hopper"));
        Assert.Throws<ArgumentException>(() => Demonstrators.Create("pendulum", "sac", "clean", HyperparameterSet.Empty));
        Assert.Throws<ArgumentException>(() => Demonstrators.Create("nope", "scripted", "clean", HyperparameterSet.Empty));
    }

    [Fact]
    public void Scripted_controllers_are_deterministic_functions_of_the_observation()
    {
        foreach (var t in new ClassicControlTasks().Tasks)
        {
            var demo = Demonstrators.Create(t.Name, "scripted", "clean", HyperparameterSet.Empty);
            var env = new ClassicControlTasks().Create(t.Name);
            var obs = new float[t.ObservationSize];
            env.Reset(3, obs);
            var a1 = new float[t.ActionSize];
            var a2 = new float[t.ActionSize];
            demo.Reset(1);
            demo.Act(obs, a1);
            demo.Reset(2);
            demo.Act(obs, a2);
            Assert.Equal(a1, a2);
            Assert.All(a1, v => Assert.InRange(v, -1f, 1f));
        }
    }

    private static double Mean(IEnvironment env, IDemonstrator demo) =>
        ReferenceReturnsMeter.ExpertReturn(DemoGenerator.Generate(env, demo, 30, seed: 5));
}
