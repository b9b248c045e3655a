using HpProxy.Core.Proxies.Transport;

namespace HpProxy.Core.Proxies;

/// <summary>
/// "state_wasserstein" and "state_action_wasserstein": the entropic optimal-transport cost between the agent's
/// evaluation rollouts and the expert demonstrations (SPEC.md §5; the paper's best proxy).
/// Points are standardised states (train statistics) or [standardised s, a] rows; each side is subsampled
/// uniformly to <see cref="WassersteinSettings.MaxPoints"/> with seeds from <see cref="ProxyInputs.Seeds"/>;
/// the score is ⟨P, C⟩ of the log-domain Sinkhorn plan with uniform weights. Lower is better.
/// NaN when either side is empty, a cost is not finite (a diverged agent) or the solve produced no finite value.
/// </summary>
public sealed class WassersteinProxy : IProxy
{
    public const string StateName = "state_wasserstein";
    public const string StateActionName = "state_action_wasserstein";

    private readonly bool _stateActions;

    public WassersteinProxy(bool stateActions, WassersteinSettings settings)
    {
        _stateActions = stateActions;
        Settings = settings;
    }

    public WassersteinSettings Settings { get; }
    public string Name => _stateActions ? StateActionName : StateName;
    public ProxyDirection Direction => ProxyDirection.LowerIsBetter;
    public ProxyReads Reads => ProxyReads.AgentRollouts | ProxyData.Reads(Settings.Demonstrations);

    public string Description => _stateActions
        ? "Sinkhorn transport cost between standardised (s, a) of agent rollouts and expert demonstrations"
        : "Sinkhorn transport cost between standardised states of agent rollouts and expert demonstrations";

    public double Compute(ProxyInputs inputs)
    {
        var expertEpisodes = ProxyData.Episodes(inputs, Settings.Demonstrations);
        int actionSize = inputs.TrainDemonstrations.ActionSize;
        int width = _stateActions ? inputs.Stats.Size + actionSize : inputs.Stats.Size;
        float[] agent = _stateActions
            ? ProxyData.StateActions(inputs.Rollouts, inputs.Stats, actionSize)
            : ProxyData.States(inputs.Rollouts, inputs.Stats);
        float[] expert = _stateActions
            ? ProxyData.StateActions(expertEpisodes, inputs.Stats, actionSize)
            : ProxyData.States(expertEpisodes, inputs.Stats);
        if (agent.Length == 0 || expert.Length == 0) return double.NaN;

        var seeds = inputs.Seeds.Child($"{Name}/{Settings.Seed}");
        agent = ProxyData.Subsample(agent, width, Settings.MaxPoints, seeds.Create("agent"));
        expert = ProxyData.Subsample(expert, width, Settings.MaxPoints, seeds.Create("expert"));

        var cost = CostMatrix.Compute(agent, expert, width, Settings.Cost);
        double mean = Sinkhorn.MeanCost(cost);
        // A diverged agent (non-finite or float-overflowing states) has no meaningful transport cost.
        if (!double.IsFinite(mean)) return double.NaN;
        double scale = Settings.EpsilonScale == EpsilonScale.MeanCost ? mean : 1.0;
        // Identical clouds under a relative ε: a zero mean cost means a zero transport cost.
        if (scale <= 0) return 0.0;
        var r = Sinkhorn.Solve(cost, agent.Length / width, expert.Length / width, Settings.Epsilon * scale,
            Settings.Iterations, Settings.Tolerance, Settings.EpsilonScaling);
        return double.IsFinite(r.TransportCost) ? r.TransportCost : double.NaN;
    }
}
