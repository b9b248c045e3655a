using HpProxy.Core.Common;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Proxies;
using HpProxy.Core.Spaces;
using static HpProxy.Core.Tests.Proxies.ProxyTestData;

namespace HpProxy.Core.Tests.Proxies;

public class ProxyTests
{
    [Fact]
    public void ActionMseIsMeanSquaredNormOverValidationPairs()
    {
        // Validation actions are (0.5, −0.5) everywhere; a constant policy (0.5, 0.5) errs by 1 on one dim.
        var validation = new List<Trajectory> { Line(3, [0f], 1, [0.5f, -0.5f]), Line(2, [1f], 1, [0.5f, -0.5f]) };
        var train = new List<Trajectory> { Line(4, [0f], 1, [0f, 0f]) };
        var inputs = Inputs(validation, train, validation, new ConstantPolicy([0.5f, 0.5f]));
        Assert.Equal(1.0, new ActionMseProxy().Compute(inputs), 12);
        var exact = Inputs(validation, train, validation, new ConstantPolicy([0.5f, -0.5f]));
        Assert.Equal(0.0, new ActionMseProxy().Compute(exact));
    }

    [Fact]
    public void ActionMseRanksPoliciesByTheirError()
    {
        var rng = new Rng(1);
        var demos = Gaussian(rng, 3, 20, 3, 2, 0);
        double good = new ActionMseProxy().Compute(Inputs(demos, demos, demos, new TanhPolicy(0.1f)));
        double bad = new ActionMseProxy().Compute(Inputs(demos, demos, demos, new TanhPolicy(0.5f)));
        Assert.Equal(2 * 0.01, good, 5);
        Assert.Equal(2 * 0.25, bad, 5);
    }

    [Fact]
    public void StateWassersteinIsZeroForTheDemonstrationsThemselves()
    {
        var demos = Gaussian(new Rng(2), 4, 30, 3, 1, 0);
        var proxy = ProxyRegistry.Create("state_wasserstein", HyperparameterSet.Empty);
        double self = proxy.Compute(Inputs(demos, demos, demos));
        // Entropic blur leaves a small positive cost; far below the shifted case.
        Assert.InRange(self, 0, 0.3);
        var shifted = Gaussian(new Rng(3), 4, 30, 3, 1, 2);
        double far = proxy.Compute(Inputs(shifted, demos, demos));
        Assert.True(far > 5 * self + 1, $"shifted {far} vs self {self}");
    }

    [Fact]
    public void StateWassersteinOrdersAgentsByDistanceToTheExpert()
    {
        var rng = new Rng(4);
        var demos = Gaussian(rng, 5, 40, 4, 2, 0);
        var proxy = ProxyRegistry.Create("state_wasserstein", HyperparameterSet.Empty);
        var scores = new[] { 0f, 0.5f, 1f, 2f }.Select(m => proxy.Compute(Inputs(Gaussian(rng, 3, 40, 4, 2, m), demos, demos))).ToArray();
        for (int k = 1; k < scores.Length; k++) Assert.True(scores[k] > scores[k - 1], string.Join(", ", scores));
    }

    [Fact]
    public void StateWassersteinMeasuresShiftsInStandardisedUnits()
    {
        // Expert states: 1-D line 0..200 (std ≈ 58); the agent's line is shifted by one expert std, so the
        // standardised W1 is ≈ 1 whatever the raw scale.
        var expert = new List<Trajectory> { Line(200, [0f], 1, [0f]) };
        var stats = ObservationStats.FromDemonstrations(new DemonstrationSet("e", 1, 1, expert));
        var agent = new List<Trajectory> { Line(200, [stats.Std[0]], 1, [0f]) };
        var proxy = ProxyRegistry.Create("state_wasserstein", HyperparameterSet.Empty);
        Assert.Equal(1.0, proxy.Compute(Inputs(agent, expert, expert)), 1);
        var exact = ProxyRegistry.Create("exact_wasserstein", HyperparameterSet.Empty);
        Assert.Equal(1.0, exact.Compute(Inputs(agent, expert, expert)), 1);
    }

    [Fact]
    public void StateActionWassersteinSeesActions()
    {
        var rng = new Rng(5);
        var demos = Gaussian(rng, 3, 30, 2, 1, 0);
        // Same states, actions flipped: invisible to the state proxy, visible to the state-action proxy.
        var flipped = demos.Select(e => new Trajectory(e.ObservationSize, e.ActionSize, e.Observations,
            e.Actions.Select(a => -a).ToArray(), e.Terminated)).ToList();
        var states = ProxyRegistry.Create("state_wasserstein", HyperparameterSet.Empty);
        var pairs = ProxyRegistry.Create("state_action_wasserstein", HyperparameterSet.Empty);
        Assert.Equal(states.Compute(Inputs(demos, demos, demos)), states.Compute(Inputs(flipped, demos, demos)), 6);
        Assert.True(pairs.Compute(Inputs(flipped, demos, demos)) > pairs.Compute(Inputs(demos, demos, demos)) + 0.1);
    }

    [Fact]
    public void WassersteinIsDeterministicAndSubsamples()
    {
        var rng = new Rng(6);
        var demos = Gaussian(rng, 4, 60, 3, 1, 0);
        var agent = Gaussian(rng, 4, 60, 3, 1, 0.5f);
        var proxy = ProxyRegistry.Create("state_wasserstein", ProxyRegistryTests.Settings(("max_points", HpValue.Of(100))));
        double a = proxy.Compute(Inputs(agent, demos, demos));
        double b = proxy.Compute(Inputs(agent, demos, demos));
        Assert.Equal(a, b);
        var other = ProxyRegistry.Create("state_wasserstein", ProxyRegistryTests.Settings(("max_points", HpValue.Of(100)), ("seed", HpValue.Of(1))));
        double c = other.Compute(Inputs(agent, demos, demos));
        Assert.NotEqual(a, c);
        Assert.Equal(a, c, 0); // a different subsample of the same distributions: close, not equal
    }

    [Fact]
    public void SubsampleKeepsRowsIntactAndDistinct()
    {
        var rows = Enumerable.Range(0, 100).SelectMany(i => new[] { (float)i, -i }).ToArray();
        var sub = ProxyData.Subsample(rows, 2, 10, new Rng(1));
        Assert.Equal(20, sub.Length);
        var firsts = Enumerable.Range(0, 10).Select(i => sub[2 * i]).ToArray();
        Assert.Equal(10, firsts.Distinct().Count());
        for (int i = 0; i < 10; i++) Assert.Equal(-sub[2 * i], sub[2 * i + 1]);
        Assert.Equal(firsts.Order(), firsts); // original order kept
        Assert.Same(rows, ProxyData.Subsample(rows, 2, 100, new Rng(1)));
    }

    [Fact]
    public void DiagnosticsProxiesReadTheLearnerOrNaN()
    {
        var demos = Gaussian(new Rng(7), 1, 5, 2, 1, 0);
        var diagnostics = new Dictionary<string, double> { ["bc_train_loss"] = 0.25, ["discriminator_accuracy"] = 0.75 };
        var learner = new FakeLearner(new ConstantPolicy([0f]), diagnostics, null);
        var inputs = Inputs(demos, demos, demos, learner: learner);
        Assert.Equal(0.25, ProxyRegistry.Create("bc_loss", HyperparameterSet.Empty).Compute(inputs));
        Assert.Equal(0.75, ProxyRegistry.Create("discriminator_accuracy", HyperparameterSet.Empty).Compute(inputs));
        Assert.True(double.IsNaN(ProxyRegistry.Create("discriminator_entropy", HyperparameterSet.Empty).Compute(inputs)));
    }

    [Fact]
    public void ImitationReturnUsesTheLearnersRewardOrNaN()
    {
        var demos = Gaussian(new Rng(8), 1, 5, 2, 1, 0);
        // Two rollouts moving +1 per step for 4 and 6 steps: returns 4 and 6, mean 5.
        var rollouts = new List<Trajectory> { Line(4, [0f, 0f], 1, [0f]), Line(6, [3f, 0f], 1, [0f]) };
        var withReward = Inputs(rollouts, demos, demos, learner: new FakeLearner(new ConstantPolicy([0f]), new Dictionary<string, double>(), new ProgressReward()));
        var proxy = ProxyRegistry.Create("imitation_return", HyperparameterSet.Empty);
        Assert.Equal(5.0, proxy.Compute(withReward), 6);
        Assert.True(double.IsNaN(proxy.Compute(Inputs(rollouts, demos, demos))));
    }

    [Fact]
    public void ReferenceImitationReturnRewardsImitation()
    {
        var rng = new Rng(9);
        var demos = Gaussian(rng, 3, 50, 3, 1, 0);
        var proxy = ProxyRegistry.Create("reference_imitation_return", HyperparameterSet.Empty);
        double expertLike = proxy.Compute(Inputs(demos, demos, demos));
        double close = proxy.Compute(Inputs(Gaussian(rng, 3, 50, 3, 1, 0.3f), demos, demos));
        double far = proxy.Compute(Inputs(Gaussian(rng, 3, 50, 3, 1, 3f), demos, demos));
        // Rewards are in (0, α] per step, so a return is at most α·T.
        Assert.True(expertLike > close && close > far, $"{expertLike} {close} {far}");
        Assert.True(far >= 0);
        Assert.True(expertLike <= 5.0 * 50 + 1e-9);
    }

    [Fact]
    public void DivergedAgentsGetNaNNotAnException()
    {
        var demos = Gaussian(new Rng(10), 2, 20, 2, 1, 0);
        var obs = new float[21 * 2];
        Array.Fill(obs, 1e30f); // squares overflow single precision
        obs[5] = float.NaN;
        var diverged = new List<Trajectory> { new(2, 1, obs, new float[20], false) };
        foreach (string name in new[] { "state_wasserstein", "state_action_wasserstein", "exact_wasserstein" })
            Assert.True(double.IsNaN(ProxyRegistry.Create(name, HyperparameterSet.Empty).Compute(Inputs(diverged, demos, demos))), name);
    }

    [Fact]
    public void PwilReferenceRewardPaysAlphaForExactImitation()
    {
        // One expert episode of T = 10 steps; replaying it couples each step with its own atom at distance 0
        // (step mass 1/T − 1e-6 < atom mass 1/T), so every step earns α = 5: return 50.
        var expert = new List<Trajectory> { Line(10, [0f, 0f], 1, [0.5f]) };
        var set = new DemonstrationSet("e", 2, 1, expert);
        var stats = ObservationStats.FromDemonstrations(set);
        var reward = new HpProxy.Core.Proxies.Rewards.PwilReferenceReward(set, stats, stateOnly: false, alpha: 5, beta: 5, horizon: 0);
        Assert.Equal(10, reward.Horizon);
        Assert.Equal(50.0, reward.EpisodeReturn(expert[0], stats), 9);
        var thinned = new HpProxy.Core.Proxies.Rewards.PwilReferenceReward(set, stats, false, 5, 5, 0, subsampling: 3);
        Assert.Equal(4, thinned.AtomCount); // steps 0, 3, 6, 9
    }
}
