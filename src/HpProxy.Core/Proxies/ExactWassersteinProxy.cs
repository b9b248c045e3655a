using HpProxy.Core.Proxies.Transport;

namespace HpProxy.Core.Proxies;

/// <summary>
/// "exact_wasserstein": exact W1 (earth mover's distance) between small uniform subsamples of the agent's
/// standardised rollout states (or (s, a)) and the expert demonstrations; validates the Sinkhorn proxy and
/// serves as a proxy where sizes allow (SPEC.md §5). Lower is better; NaN when a side is empty or a cost is not finite.
/// </summary>
public sealed class ExactWassersteinProxy : IProxy
{
    public const string ProxyName = "exact_wasserstein";

    public ExactWassersteinProxy(ExactWassersteinSettings settings) => Settings = settings;

    public ExactWassersteinSettings Settings { get; }
    public string Name => ProxyName;
    public ProxyDirection Direction => ProxyDirection.LowerIsBetter;
    public ProxyReads Reads => ProxyReads.AgentRollouts | ProxyData.Reads(Settings.Demonstrations);
    public string Description => "exact W1 between small subsamples of standardised agent and expert states";

    public double Compute(ProxyInputs inputs)
    {
        var expertEpisodes = ProxyData.Episodes(inputs, Settings.Demonstrations);
        int actionSize = inputs.TrainDemonstrations.ActionSize;
        int width = Settings.StateActions ? inputs.Stats.Size + actionSize : inputs.Stats.Size;
        float[] agent = Settings.StateActions
            ? ProxyData.StateActions(inputs.Rollouts, inputs.Stats, actionSize)
            : ProxyData.States(inputs.Rollouts, inputs.Stats);
        float[] expert = Settings.StateActions
            ? ProxyData.StateActions(expertEpisodes, inputs.Stats, actionSize)
            : ProxyData.States(expertEpisodes, inputs.Stats);
        if (agent.Length == 0 || expert.Length == 0) return double.NaN;

        var seeds = inputs.Seeds.Child($"{Name}/{Settings.Seed}");
        agent = ProxyData.Subsample(agent, width, Settings.MaxPoints, seeds.Create("agent"));
        expert = ProxyData.Subsample(expert, width, Settings.MaxPoints, seeds.Create("expert"));
        var cost = CostMatrix.ComputeDouble(agent, expert, width, Settings.Cost);
        foreach (double c in cost)
            if (!double.IsFinite(c)) return double.NaN; // a diverged agent
        return ExactTransport.Solve(cost, agent.Length / width, expert.Length / width);
    }
}
