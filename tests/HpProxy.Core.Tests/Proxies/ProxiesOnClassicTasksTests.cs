using HpProxy.Core.Agents;
using HpProxy.Core.Common;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Proxies;
using HpProxy.Core.Runs;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;
using static HpProxy.Core.Tests.Proxies.ProxyTestData;

namespace HpProxy.Core.Tests.Proxies;

/// <summary>
/// Every rollout-reading proxy, on a real task: the scripted expert's own evaluation rollouts must score better
/// than a do-nothing policy's, and a half-way mixture in between (the proxies must order agents as the oracle
/// does in this clear-cut case).
/// </summary>
public class ProxiesOnClassicTasksTests
{
    [Theory]
    [InlineData("pendulum")]
    [InlineData("pointmass")]
    public void ExpertBeatsMixtureBeatsDoNothing(string task)
    {
        var env = new ClassicControlTasks().Create(task);
        var demos = DemoGenerator.GenerateSets(env, Demonstrators.Create(task, Demonstrators.Scripted, Demonstrators.CleanRegime, HyperparameterSet.Empty),
            4, 2, 11, "clean-4");
        var stats = ObservationStats.FromDemonstrations(demos.Train);
        var evaluation = new EvaluationSpec(3, 99);
        int a = env.Info.ActionSize;
        var expert = new DemonstratorPolicy(Demonstrators.Create(task, Demonstrators.Scripted, Demonstrators.CleanRegime, HyperparameterSet.Empty));
        var idle = new ConstantPolicy(new float[a]);
        var policies = new IPolicy[] { expert, new MixturePolicy(expert, idle), idle };

        var settings = new Dictionary<string, HyperparameterSet>
        {
            ["state_wasserstein"] = ProxyRegistryTests.Settings(("max_points", HpValue.Of(400))),
            ["state_action_wasserstein"] = ProxyRegistryTests.Settings(("max_points", HpValue.Of(400))),
            ["exact_wasserstein"] = ProxyRegistryTests.Settings(("max_points", HpValue.Of(120))),
            ["reference_imitation_return"] = HyperparameterSet.Empty,
            ["rnd"] = ProxyRegistryTests.Settings(("training_steps", HpValue.Of(300)), ("units", HpValue.Of(32)), ("batch_size", HpValue.Of(64))),
            ["action_mse"] = HyperparameterSet.Empty,
        };
        foreach (var (name, s) in settings)
        {
            var proxy = ProxyRegistry.Create(name, s);
            var scores = policies.Select(p =>
            {
                var (rollouts, _) = RunExecutor.Evaluate(new ClassicControlTasks().Create(task), p, evaluation, CancellationToken.None);
                var inputs = new ProxyInputs(p, rollouts, demos.Validation, demos.Train, stats,
                    new FakeLearner(p, new Dictionary<string, double>(), null), new SeedStreams(5));
                return ConfigurationOrientation(proxy, proxy.Compute(inputs));
            }).ToArray();
            Assert.True(scores[0] > scores[1] && scores[1] > scores[2], $"{task} {name}: expert {scores[0]}, mixture {scores[1]}, idle {scores[2]}");
        }
    }

    private static double ConfigurationOrientation(IProxy proxy, double value) =>
        proxy.Direction == ProxyDirection.LowerIsBetter ? -value : value;

    /// <summary>The (deterministic, clean-regime) scripted controller as an evaluation policy.</summary>
    private sealed class DemonstratorPolicy : IPolicy
    {
        private readonly IDemonstrator _demonstrator;

        public DemonstratorPolicy(IDemonstrator demonstrator)
        {
            _demonstrator = demonstrator;
            _demonstrator.Reset(0);
        }

        public void Act(ReadOnlySpan<float> observation, Span<float> action) => _demonstrator.Act(observation, action);
    }

    /// <summary>Half the expert's action: a partly competent agent.</summary>
    private sealed class MixturePolicy(IPolicy expert, IPolicy idle) : IPolicy
    {
        private readonly float[] _other = new float[16];

        public void Act(ReadOnlySpan<float> observation, Span<float> action)
        {
            expert.Act(observation, action);
            idle.Act(observation, _other.AsSpan(0, action.Length));
            for (int k = 0; k < action.Length; k++) action[k] = 0.5f * (action[k] + _other[k]);
        }
    }
}
