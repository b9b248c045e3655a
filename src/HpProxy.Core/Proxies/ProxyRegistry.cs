using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Proxies;

/// <summary>
/// Every reward-free proxy of SPEC.md §5 by name, with its direction, the data it reads and its settings.
/// Study validation calls <see cref="ValidateSettings"/>; the run executor calls <see cref="Create(ProxySpec)"/>.
/// </summary>
public static class ProxyRegistry
{
    private sealed record Entry(ProxyInfo Info, Func<HyperparameterSet, IProxy> Factory);

    private static readonly Entry[] Entries =
    [
        Simple(new ActionMseProxy()),
        WithSettings(WassersteinProxy.StateName, ProxyDirection.LowerIsBetter,
            ProxyReads.AgentRollouts | ProxyReads.TrainDemonstrations,
            "Sinkhorn transport cost between standardised states of agent rollouts and expert demonstrations",
            WassersteinSettings.Describe(), s => new WassersteinProxy(false, WassersteinSettings.Bind(s))),
        WithSettings(WassersteinProxy.StateActionName, ProxyDirection.LowerIsBetter,
            ProxyReads.AgentRollouts | ProxyReads.TrainDemonstrations,
            "Sinkhorn transport cost between standardised (s, a) of agent rollouts and expert demonstrations",
            WassersteinSettings.Describe(), s => new WassersteinProxy(true, WassersteinSettings.Bind(s))),
        WithSettings(ExactWassersteinProxy.ProxyName, ProxyDirection.LowerIsBetter,
            ProxyReads.AgentRollouts | ProxyReads.TrainDemonstrations,
            "exact W1 between small subsamples of standardised agent and expert states",
            ExactWassersteinSettings.Describe(), s => new ExactWassersteinProxy(ExactWassersteinSettings.Bind(s))),
        WithSettings(RndProxy.ProxyName, ProxyDirection.HigherIsBetter,
            ProxyReads.AgentRollouts | ProxyReads.TrainDemonstrations,
            "mean exp(−‖f(s) − g(s)‖²) over agent states; g trained to match a random f on expert states",
            RndSettings.Describe(), s => new RndProxy(RndSettings.Bind(s))),
        Simple(new ImitationReturnProxy()),
        WithSettings(ReferenceImitationReturnProxy.ProxyName, ProxyDirection.HigherIsBetter,
            ProxyReads.AgentRollouts | ProxyReads.TrainDemonstrations,
            "mean rollout return under a fixed PWIL reward built from the train demonstrations",
            ReferenceRewardSettings.Describe(), s => new ReferenceImitationReturnProxy(ReferenceRewardSettings.Bind(s))),
        // BC's own training loss at the checkpoint: lower is better.
        Simple(new DiagnosticProxy(DiagnosticProxy.BcLossName, DiagnosticProxy.BcLossKey, ProxyDirection.LowerIsBetter,
            "the learner's BC training loss at the checkpoint (diagnostic 'bc_train_loss')")),
        // A discriminator that cannot tell agent from expert (accuracy → 0.5) means the agent imitates well.
        Simple(new DiagnosticProxy(DiagnosticProxy.DiscriminatorAccuracyName, DiagnosticProxy.DiscriminatorAccuracyKey,
            ProxyDirection.LowerIsBetter, "the discriminator's classification accuracy (diagnostic 'discriminator_accuracy')")),
        // A confused discriminator has high output entropy (max log 2 at D = 0.5).
        Simple(new DiagnosticProxy(DiagnosticProxy.DiscriminatorEntropyName, DiagnosticProxy.DiscriminatorEntropyKey,
            ProxyDirection.HigherIsBetter, "the entropy of the discriminator's outputs (diagnostic 'discriminator_entropy')")),
    ];

    /// <summary>Every registered proxy, in a fixed order.</summary>
    public static IReadOnlyList<ProxyInfo> All { get; } = Entries.Select(e => e.Info).ToArray();

    /// <summary>Names of every registered proxy.</summary>
    public static IReadOnlyList<string> Names { get; } = Entries.Select(e => e.Info.Name).ToArray();

    public static bool Contains(string name) => Entries.Any(e => e.Info.Name == name);

    public static ProxyInfo Get(string name) => Find(name).Info;

    /// <summary>The direction of each named proxy, as the analysis needs it.</summary>
    public static IReadOnlyDictionary<string, ProxyDirection> Directions(IEnumerable<string> names) =>
        names.Distinct(StringComparer.Ordinal).ToDictionary(n => n, n => Get(n).Direction, StringComparer.Ordinal);

    /// <summary>Every problem with a proxy name and its settings (unknown names, kinds, ranges); empty when valid.</summary>
    public static IReadOnlyList<string> ValidateSettings(string name, HyperparameterSet settings)
    {
        var entry = Entries.FirstOrDefault(e => e.Info.Name == name);
        if (entry is null) return [$"unknown proxy '{name}' (known: {string.Join(", ", Names)})"];
        return SettingsBinder.Validate(name, entry.Info.Settings, settings);
    }

    /// <summary>Creates a proxy; throws <see cref="ArgumentException"/> listing every problem with the settings.</summary>
    public static IProxy Create(string name, HyperparameterSet settings)
    {
        var entry = Find(name);
        SettingsBinder.ThrowIfInvalid(name, entry.Info.Settings, settings);
        return entry.Factory(settings);
    }

    public static IProxy Create(ProxySpec spec) => Create(spec.Name, spec.Settings);

    private static Entry Find(string name) =>
        Entries.FirstOrDefault(e => e.Info.Name == name)
        ?? throw new ArgumentException($"unknown proxy '{name}' (known: {string.Join(", ", Entries.Select(e => e.Info.Name))})", nameof(name));

    private static Entry Simple(IProxy proxy) =>
        new(new ProxyInfo(proxy.Name, proxy.Direction, proxy.Reads, proxy.Description, []), _ => proxy);

    private static Entry WithSettings(string name, ProxyDirection direction, ProxyReads reads, string description,
        IReadOnlyList<ProxySetting> settings, Func<HyperparameterSet, IProxy> factory) =>
        new(new ProxyInfo(name, direction, reads, description, settings), factory);
}
