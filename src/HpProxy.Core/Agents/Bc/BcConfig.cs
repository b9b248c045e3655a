namespace HpProxy.Core.Agents.Bc;

/// <summary>Hyperparameters of behavioural cloning. Budget unit: gradient steps.</summary>
public sealed record BcConfig
{
    /// <summary>Adam step size. 1e-3: Adam's default (Kingma &amp; Ba 2015).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Hidden layers of the policy MLP. 2: the usual MLP depth in the IL literature (Orsini et al. 2021).</summary>
    public int HiddenLayers { get; init; } = 2;

    /// <summary>Units per hidden layer. 256: SAC-sized networks (Haarnoja et al. 2018), as in Hussenot et al. 2021.</summary>
    public int HiddenUnits { get; init; } = 256;

    /// <summary>Hidden activation. relu: the common default (Acme's MLPs).</summary>
    public string Activation { get; init; } = "relu";

    /// <summary>Standardise observations with the demonstrations' statistics. true: SPEC.md §3.</summary>
    public bool NormalizeObservations { get; init; } = true;

    /// <summary>Decoupled weight decay (AdamW). 0: no regularisation unless swept.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Dropout on the observation. 0: off unless swept (Hussenot et al. 2021 sweep it).</summary>
    public double InputDropout { get; init; }

    /// <summary>Dropout after each hidden layer. 0: off unless swept (Hussenot et al. 2021 sweep it).</summary>
    public double HiddenDropout { get; init; }

    /// <summary>Expert pairs per gradient step. 256: as the RL backbones (SAC paper, Table 1).</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>"mse" on the tanh output, or "nll" (tanh-Gaussian negative log-likelihood). mse: the simplest
    /// and most common BC loss.</summary>
    public string Loss { get; init; } = "mse";
}
