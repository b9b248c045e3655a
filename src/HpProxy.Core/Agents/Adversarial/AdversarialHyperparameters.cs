using HpProxy.Core.Agents.Hyperparameters;
using HpProxy.Core.Agents.Rewards;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Agents.Adversarial;

/// <summary>Hyperparameter names, documentation and binding of <see cref="AdversarialConfig"/>.</summary>
public static class AdversarialHyperparameters
{
    public static IReadOnlyList<string> Inputs { get; } = ["s", "sa", "sas"];

    public static IEnumerable<HpSpec> Specs(AdversarialConfig d) =>
    [
        HpSpec.Choice("discriminator_input", d.DiscriminatorInput, Inputs, "what the discriminator sees: s, (s, a) or (s, a, s')"),
        HpSpec.Integer("discriminator_hidden_layers", d.DiscriminatorHiddenLayers, 1, 8, "hidden layers of the discriminator", "{1, 2}"),
        HpSpec.Integer("discriminator_hidden_units", d.DiscriminatorHiddenUnits, 1, 4096, "units per hidden layer of the discriminator", "{16, 64, 256}"),
        HpSpec.Real("discriminator_learning_rate", d.DiscriminatorLearningRate, 1e-7, 0.1, "Adam step size of the discriminator", "log-uniform [1e-6, 1e-3]"),
        HpSpec.Integer("discriminator_batch_size", d.DiscriminatorBatchSize, 2, 8192, "rows per discriminator step (half expert, half agent)", "{64, 256}"),
        HpSpec.Integer("discriminator_interval", d.DiscriminatorInterval, 1, 1000, "RL updates per discriminator update", "{1, 2, 5}"),
        HpSpec.Real("gradient_penalty", d.GradientPenalty, 0, 1000, "coefficient of the gradient penalty (target norm 1)", "{0, 1, 10}"),
        HpSpec.Boolean("spectral_norm", d.SpectralNorm, "spectral normalisation of the discriminator's layers"),
        HpSpec.Real("discriminator_input_dropout", d.DiscriminatorInputDropout, 0, 0.9, "dropout on the discriminator's input", "{0, 0.25, 0.5, 0.75}"),
        HpSpec.Real("discriminator_hidden_dropout", d.DiscriminatorHiddenDropout, 0, 0.9, "dropout on the discriminator's hidden layers", "{0, 0.25, 0.5, 0.75}"),
        HpSpec.Real("discriminator_weight_decay", d.DiscriminatorWeightDecay, 0, 10, "decoupled weight decay of the discriminator", "{0, 1e-3, 1e-1}"),
        HpSpec.Real("entropy_bonus", d.EntropyBonus, 0, 10, "coefficient of the discriminator's Bernoulli-entropy bonus", "{0, 1e-3, 1e-1}"),
        HpSpec.Boolean("mixup", d.Mixup, "mixup of expert and agent inputs with soft labels"),
        HpSpec.Choice("reward_transform", d.RewardTransform, RewardTransform.Names, "reward from the logit: gail softplus(ℓ), log_d −softplus(−ℓ), airl ℓ, fairl −ℓe^ℓ, fkl e^ℓ"),
        HpSpec.Boolean("absorbing_states", d.AbsorbingStates, "absorbing states when the task can terminate early"),
    ];

    public static AdversarialConfig Bind(HyperparameterSet hp, AdversarialConfig d) => d with
    {
        RlAlgorithm = hp.GetString("rl_algorithm", d.RlAlgorithm),
        DiscriminatorInput = hp.GetString("discriminator_input", d.DiscriminatorInput),
        DiscriminatorHiddenLayers = hp.GetInt("discriminator_hidden_layers", d.DiscriminatorHiddenLayers),
        DiscriminatorHiddenUnits = hp.GetInt("discriminator_hidden_units", d.DiscriminatorHiddenUnits),
        DiscriminatorLearningRate = hp.GetDouble("discriminator_learning_rate", d.DiscriminatorLearningRate),
        DiscriminatorBatchSize = hp.GetInt("discriminator_batch_size", d.DiscriminatorBatchSize),
        DiscriminatorInterval = hp.GetInt("discriminator_interval", d.DiscriminatorInterval),
        GradientPenalty = hp.GetDouble("gradient_penalty", d.GradientPenalty),
        SpectralNorm = hp.GetBool("spectral_norm", d.SpectralNorm),
        DiscriminatorInputDropout = hp.GetDouble("discriminator_input_dropout", d.DiscriminatorInputDropout),
        DiscriminatorHiddenDropout = hp.GetDouble("discriminator_hidden_dropout", d.DiscriminatorHiddenDropout),
        DiscriminatorWeightDecay = hp.GetDouble("discriminator_weight_decay", d.DiscriminatorWeightDecay),
        EntropyBonus = hp.GetDouble("entropy_bonus", d.EntropyBonus),
        Mixup = hp.GetBool("mixup", d.Mixup),
        RewardTransform = hp.GetString("reward_transform", d.RewardTransform),
        AbsorbingStates = hp.GetBool("absorbing_states", d.AbsorbingStates),
    };
}
