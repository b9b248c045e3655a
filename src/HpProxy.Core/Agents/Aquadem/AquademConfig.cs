namespace HpProxy.Core.Agents.Aquadem;

/// <summary>
/// Hyperparameters of AQuaDem (Dadashi et al. 2022, "Continuous Control with Action Quantization from
/// Demonstrations", arXiv 2110.10149): K candidate actions per state learned from the demonstrations, then a
/// discrete-action Q-learner choosing among them with a SQIL-style imitation reward.
/// </summary>
public sealed record AquademConfig
{
    /// <summary>Candidate actions per state K. 10: the paper's default setting (§4).</summary>
    public int Candidates { get; init; } = 10;

    /// <summary>Temperature T of the soft-min loss −T·log Σ_k exp(−‖a − ψ_k(s)‖²/T). 0.01: our choice inside the
    /// range the paper sweeps.</summary>
    public double Temperature { get; init; } = 0.01;

    /// <summary>Gradient steps of the candidate network before interaction (not counted in the env-step budget).
    /// 5000: our choice for small demonstration sets.</summary>
    public int PretrainSteps { get; init; } = 5000;

    /// <summary>Adam step size of the candidate network. 1e-3: Adam's default (Kingma &amp; Ba 2015).</summary>
    public double CandidateLearningRate { get; init; } = 1e-3;

    /// <summary>Adam step size of the Q-network. 3e-4: as the continuous backbones (SAC paper, Table 1).</summary>
    public double LearningRate { get; init; } = 3e-4;

    /// <summary>Hidden layers of both networks. 2: as the other agents.</summary>
    public int HiddenLayers { get; init; } = 2;

    /// <summary>Units per hidden layer of both networks. 256: as the other agents (SAC paper, Table 1).</summary>
    public int HiddenUnits { get; init; } = 256;

    /// <summary>γ. 0.99: as the continuous backbones.</summary>
    public double Discount { get; init; } = 0.99;

    /// <summary>Polyak τ of the target Q-network. 0.005: as the continuous backbones.</summary>
    public double Tau { get; init; } = 0.005;

    /// <summary>ε of ε-greedy exploration over the candidates. 0.1: our choice (a common DQN value late in its schedule).</summary>
    public double Epsilon { get; init; } = 0.1;

    /// <summary>Absorbing states when the task can end early (Kostrikov et al. 2019, §4.2). true: the SQIL
    /// rewards AQuaDem learns from are never negative, so with terminal masks ending an episode early forfeits all
    /// later reward and the agent avoids a goal that ends it (mountain car: score −0.28 without them in the
    /// algorithms check, docs/benchmarks.md).</summary>
    public bool AbsorbingStates { get; init; } = true;
}
