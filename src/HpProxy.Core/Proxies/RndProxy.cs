using System.Runtime.CompilerServices;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Proxies.Rewards;

namespace HpProxy.Core.Proxies;

/// <summary>
/// "rnd": mean over the agent's standardised rollout states of exp(−‖f(s) − g(s)‖²), with f a fixed random
/// network and g trained to predict f on the train demonstrations' states (<see cref="RndModel"/>; SPEC.md §5).
/// Higher is better. The networks are built once per (demonstration set, settings, proxy seed) within the
/// process and shared by every run; seeds come from <see cref="ProxyInputs.Seeds"/> (fixed per study) and the
/// "seed" setting. NaN without rollouts.
/// </summary>
public sealed class RndProxy(RndSettings settings) : IProxy
{
    public const string ProxyName = "rnd";

    private static readonly ConditionalWeakTable<DemonstrationSet, Dictionary<(RndSettings, ulong), RndModel>> Cache = new();

    public RndSettings Settings { get; } = settings;
    public string Name => ProxyName;
    public ProxyDirection Direction => ProxyDirection.HigherIsBetter;
    public ProxyReads Reads => ProxyReads.AgentRollouts | ProxyReads.TrainDemonstrations;
    public string Description => "mean exp(−‖f(s) − g(s)‖²) over agent states; g trained to match a random f on expert states";

    public double Compute(ProxyInputs inputs)
    {
        if (inputs.Rollouts.Count == 0) return double.NaN;
        var states = ProxyData.States(inputs.Rollouts, inputs.Stats);
        var model = ModelFor(inputs);
        lock (model) return model.Score(states);
    }

    private RndModel ModelFor(ProxyInputs inputs)
    {
        var seeds = inputs.Seeds.Child($"{Name}/{Settings.Seed}");
        var key = (Settings, seeds.RootSeed);
        var byKey = Cache.GetValue(inputs.TrainDemonstrations, _ => []);
        // Training under the lock: concurrent runs of one demo set wait for one training instead of repeating it.
        lock (byKey)
        {
            if (!byKey.TryGetValue(key, out var model))
            {
                var expert = ProxyData.States(inputs.TrainDemonstrations.Episodes, inputs.Stats);
                model = new RndModel(expert, inputs.Stats.Size, Settings, seeds);
                byKey[key] = model;
            }
            return model;
        }
    }
}
