using HpProxy.Core.Agents.Hyperparameters;
using HpProxy.Core.Agents.Online;
using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Agents.Sqil;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Agents.Aquadem;

/// <summary>"aquadem": candidate actions from demonstrations + a discrete Q-learner with SQIL rewards (expert 1,
/// agent 0, balanced batches). Budget: environment steps (Ψ's pretraining is not counted).</summary>
public sealed class AquademAlgorithm : IAlgorithm
{
    public static readonly AquademConfig Defaults = new();

    /// <summary>Balanced batches, as SQIL (Reddy et al. 2020, Algorithm 1).</summary>
    public static readonly OnlineConfig OnlineDefaults = new() { ExpertMix = 0.5 };

    public static HpSchema Schema { get; } = new(new[]
    {
        HpSpec.Integer("num_candidates", Defaults.Candidates, 1, 100, "candidate actions per state K", "{5, 10, 20}"),
        HpSpec.Real("temperature", Defaults.Temperature, 1e-6, 10, "temperature of the soft-min candidate loss", "log-uniform [1e-3, 1e-1]"),
        HpSpec.Integer("pretrain_steps", Defaults.PretrainSteps, 0, 10_000_000, "gradient steps fitting the candidates before interaction", "{1000, 5000, 20000}"),
        HpSpec.Real("candidate_learning_rate", Defaults.CandidateLearningRate, 1e-7, 0.1, "Adam step size of the candidate network", "log-uniform [1e-4, 1e-2]"),
        HpSpec.Real("learning_rate", Defaults.LearningRate, 1e-7, 0.1, "Adam step size of the Q-network", "log-uniform [1e-5, 1e-3]"),
        HpSpec.Integer("hidden_layers", Defaults.HiddenLayers, 1, 8, "hidden layers of both networks", "{1, 2, 3}"),
        HpSpec.Integer("hidden_units", Defaults.HiddenUnits, 1, 4096, "units per hidden layer of both networks", "{64, 256, 512}"),
        HpSpec.Real("discount", Defaults.Discount, 0, 0.9999, "discount factor γ", "{0.97, 0.99, 0.995}"),
        HpSpec.Real("tau", Defaults.Tau, 1e-6, 1, "Polyak coefficient of the target Q-network", "log-uniform [1e-3, 5e-2]"),
        HpSpec.Real("epsilon", Defaults.Epsilon, 0, 1, "ε of ε-greedy exploration over the candidates", "{0.01, 0.1, 0.3}"),
        HpSpec.Boolean("absorbing_states", Defaults.AbsorbingStates, "absorbing states when the task can terminate early"),
    }.Concat(OnlineHyperparameters.Specs(OnlineDefaults)));

    public string Name => "aquadem";

    public bool IsOnline => true;

    public IReadOnlyList<HyperparameterInfo> Hyperparameters => Schema.Infos;

    public IReadOnlyList<string> Validate(HyperparameterSet hyperparameters) => Schema.Validate(hyperparameters, Extra);

    private static IEnumerable<string> Extra(HyperparameterSet hp)
    {
        if (hp.GetDouble("expert_mix", OnlineDefaults.ExpertMix) <= 0) yield return "hyperparameter 'expert_mix' must be > 0 for aquadem (its only positive reward comes from demonstrations)";
    }

    public static AquademConfig Bind(HyperparameterSet hp) => Defaults with
    {
        Candidates = hp.GetInt("num_candidates", Defaults.Candidates),
        Temperature = hp.GetDouble("temperature", Defaults.Temperature),
        PretrainSteps = hp.GetInt("pretrain_steps", Defaults.PretrainSteps),
        CandidateLearningRate = hp.GetDouble("candidate_learning_rate", Defaults.CandidateLearningRate),
        LearningRate = hp.GetDouble("learning_rate", Defaults.LearningRate),
        HiddenLayers = hp.GetInt("hidden_layers", Defaults.HiddenLayers),
        HiddenUnits = hp.GetInt("hidden_units", Defaults.HiddenUnits),
        Discount = hp.GetDouble("discount", Defaults.Discount),
        Tau = hp.GetDouble("tau", Defaults.Tau),
        Epsilon = hp.GetDouble("epsilon", Defaults.Epsilon),
        AbsorbingStates = hp.GetBool("absorbing_states", Defaults.AbsorbingStates),
    };

    public ILearner Create(AgentContext context)
    {
        var hp = context.Hyperparameters;
        Schema.EnsureValid(hp, Extra);
        var config = Bind(hp);
        var online = OnlineHyperparameters.Bind(hp, OnlineDefaults);
        var task = context.Task;
        var absorbing = new AbsorbingStates(task.ObservationSize, task.ActionSize, config.AbsorbingStates && AbsorbingStates.Needed(task));
        var encoder = new ObservationEncoder(context.Stats, online.NormalizeObservations, absorbing.Enabled);
        var expert = new ReplayBuffer(Math.Max(1, absorbing.RowsFor(context.Demonstrations.Episodes)), encoder.Size, task.ActionSize, isExpert: true);
        absorbing.StoreDemonstrations(expert, context.Demonstrations.Episodes);
        var (rawStates, actions) = context.Demonstrations.StateActionPairs();
        var states = StoredRows(rawStates, absorbing, context.Demonstrations.TransitionCount);
        encoder.Encode(states, states, context.Demonstrations.TransitionCount);
        var backbone = new AquademLearner(encoder.Size, task.ActionSize, online.BatchSize, config, encoder, states, actions,
            context.Seeds.Create("networks"), context.Seeds.Create("exploration"));
        return new OnlineImitationLearner(context, online, absorbing, new SqilImitationReward(absorbing.Enabled), backbone, expert);
    }

    /// <summary>Demonstration states as the replay stores them (with the absorbing indicator column, 0, when on),
    /// so the candidate network sees the same inputs as the Q-network.</summary>
    private static float[] StoredRows(float[] raw, AbsorbingStates absorbing, int rows)
    {
        if (!absorbing.Enabled) return raw;
        int rawSize = absorbing.RawObservationSize, storedSize = absorbing.StoredObservationSize;
        var stored = new float[rows * storedSize];
        for (int r = 0; r < rows; r++)
            absorbing.Augment(raw.AsSpan(r * rawSize, rawSize), stored.AsSpan(r * storedSize, storedSize));
        return stored;
    }
}
