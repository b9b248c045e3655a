using System.Globalization;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Tests.Studies;

/// <summary>
/// A catalog with the names the study files use (tasks, demonstrators, regimes, the eight algorithms and their
/// hyperparameters, proxies) and simple range rules, so validation can be tested without the real envs/agents.
/// </summary>
public sealed class FakeStudyCatalog : IStudyCatalog
{
    private sealed record Rule(string Name, double Min, double Max, bool Integer = false, bool MinExclusive = false, string[]? Choices = null)
    {
        public string? Check(HpValue value)
        {
            if (Choices is not null)
                return Choices.Contains(value.ToString()) ? null : $"'{Name}' must be one of {string.Join(", ", Choices)}, got '{value}'";
            if (value.Number is not { } n) return $"'{Name}' must be a number, got '{value}'";
            if (Integer && n != Math.Floor(n)) return $"'{Name}' must be an integer, got {value}";
            bool low = MinExclusive ? n > Min : n >= Min;
            if (!low || n > Max)
                return string.Create(CultureInfo.InvariantCulture, $"'{Name}' = {value} is outside {(MinExclusive ? "(" : "[")}{Min}, {Max}]");
            return null;
        }
    }

    // Names follow the agents' configs (BcConfig, AdversarialConfig, SacConfig, OnlineConfig, PwilConfig in snake_case).
    private static readonly Rule LearningRate = new("learning_rate", 0, 1, MinExclusive: true);
    private static readonly Rule HiddenUnits = new("hidden_units", 1, 4096, Integer: true);
    private static readonly Rule HiddenLayers = new("hidden_layers", 1, 8, Integer: true);
    private static readonly Rule BatchSize = new("batch_size", 1, 65536, Integer: true);
    private static readonly Rule Boolean = new("", 0, 0, Choices: ["true", "false"]);
    private static readonly Rule[] Online =
    [
        LearningRate, HiddenUnits, HiddenLayers, BatchSize,
        new("discount", 0, 0.9999), new("tau", 0, 1, MinExclusive: true),
        new("updates_per_step", 1, 64, Integer: true), new("warmup_steps", 0, 1e8, Integer: true),
        new("expert_mix", 0, 0.95), Boolean with { Name = "normalize_observations" },
        new("rl_algorithm", 0, 0, Choices: ["sac", "td3"]),
    ];
    private static readonly Rule[] Adversarial =
    [
        .. Online,
        new("discriminator_learning_rate", 0, 1, MinExclusive: true),
        new("discriminator_hidden_units", 1, 4096, Integer: true),
        new("discriminator_hidden_layers", 1, 8, Integer: true),
        new("discriminator_input", 0, 0, Choices: ["s", "sa", "sas"]),
        new("gradient_penalty", 0, 1000),
        new("discriminator_weight_decay", 0, 1),
        new("discriminator_hidden_dropout", 0, 0.9),
        Boolean with { Name = "spectral_norm" },
        Boolean with { Name = "mixup" },
        new("reward_transform", 0, 0, Choices: ["gail", "log_d", "airl", "fairl"]),
    ];

    private static readonly Dictionary<string, Rule[]> Algorithms = new(StringComparer.Ordinal)
    {
        ["bc"] =
        [
            LearningRate, HiddenUnits, HiddenLayers, BatchSize,
            new("weight_decay", 0, 1), new("input_dropout", 0, 0.9), new("hidden_dropout", 0, 0.9),
            new("activation", 0, 0, Choices: ["relu", "tanh", "elu", "gelu"]),
            new("loss", 0, 0, Choices: ["mse", "nll"]), Boolean with { Name = "normalize_observations" },
        ],
        ["gail"] = Adversarial,
        ["dac"] = Adversarial,
        ["airl"] = Adversarial,
        ["fairl"] = Adversarial,
        ["pwil"] =
        [
            .. Online,
            new("alpha", 0, 1000, MinExclusive: true), new("beta", 0, 1000, MinExclusive: true),
            new("pwil_input", 0, 0, Choices: ["s", "sa"]), Boolean with { Name = "expert_prefill" },
        ],
        ["sqil"] = Online,
        ["aquadem"] = [LearningRate, HiddenUnits, HiddenLayers, BatchSize, new("candidate_actions", 1, 100, Integer: true), new("temperature", 0, 100, MinExclusive: true)],
    };

    private static readonly Dictionary<string, Rule[]> Regimes = new(StringComparer.Ordinal)
    {
        ["synthetic"] = [new("noise", 0, 1)],
        ["human-like"] = [new("noise", 0, 1), new("correlation", 0, 0.999), new("hesitation", 0, 1)],
    };

    private static readonly Dictionary<string, Rule[]> Proxies = new(StringComparer.Ordinal)
    {
        ["action_mse"] = [],
        ["state_wasserstein"] = [new("epsilon", 0, 10, MinExclusive: true), new("max_points", 1, 100000, Integer: true)],
        ["state_action_wasserstein"] = [new("epsilon", 0, 10, MinExclusive: true), new("max_points", 1, 100000, Integer: true)],
        ["exact_wasserstein"] = [new("max_points", 1, 5000, Integer: true)],
        ["imitation_return"] = [],
        ["reference_imitation_return"] = [],
    };

    private static readonly Dictionary<string, string[]> Demonstrators = new(StringComparer.Ordinal)
    {
        ["pendulum"] = ["energy-shaping", "scripted"],
        ["cartpole-swingup"] = ["swing-up-lqr", "scripted"],
        ["mountaincar"] = ["scripted"],
        ["acrobot"] = [],
    };

    /// <summary>How many times <see cref="ValidateHyperparameters"/> was called (tests check the bounds are probed).</summary>
    public List<(string Algorithm, HyperparameterSet Set)> HyperparameterCalls { get; } = [];

    public IReadOnlyList<string> TaskNames => [.. Demonstrators.Keys];

    public bool HasTask(string task) => Demonstrators.ContainsKey(task);

    public IReadOnlyList<string> DemonstratorsFor(string task) => Demonstrators.TryGetValue(task, out var d) ? d : [];

    /// <summary>Versions of "trained" demonstrators by (task, name); empty: every demonstrator is scripted.</summary>
    public Dictionary<(string Task, string Demonstrator), string> Versions { get; } = [];

    public string? DemonstratorVersion(string task, string demonstrator) => Versions.GetValueOrDefault((task, demonstrator));

    public IReadOnlyList<string> ValidateRegime(string regime, HyperparameterSet parameters) =>
        Regimes.TryGetValue(regime, out var rules)
            ? Check(rules, parameters, $"regime '{regime}'", "parameter")
            : [$"unknown regime '{regime}'{NameSuggestions.Hint(regime, Regimes.Keys, "known regimes")}"];

    public IReadOnlyList<string> AlgorithmNames => [.. Algorithms.Keys];

    public IReadOnlyList<string> HyperparameterNames(string algorithm) => [.. Algorithms[algorithm].Select(r => r.Name)];

    public IReadOnlyList<string> ValidateHyperparameters(string algorithm, HyperparameterSet hyperparameters)
    {
        HyperparameterCalls.Add((algorithm, hyperparameters));
        return Check(Algorithms[algorithm], hyperparameters, algorithm, "hyperparameter");
    }

    public IReadOnlyList<string> ProxyNames => [.. Proxies.Keys];

    public IReadOnlyList<string> ValidateProxySettings(string proxy, HyperparameterSet settings) =>
        Check(Proxies[proxy], settings, proxy, "setting");

    private static List<string> Check(Rule[] rules, HyperparameterSet values, string owner, string what)
    {
        var problems = new List<string>();
        foreach (var (name, value) in values)
        {
            var rule = rules.FirstOrDefault(r => r.Name == name);
            if (rule is null) problems.Add($"unknown {what} '{name}' for {owner}");
            else if (rule.Check(value) is { } problem) problems.Add(problem);
        }
        return problems;
    }
}
