namespace HpProxy.Core.Proxies;

/// <summary>
/// A proxy that reads one training-state signal from <see cref="Agents.ILearner.Diagnostics"/> at the
/// checkpoint (SPEC.md §5, "BC validation loss / discriminator accuracy and entropy"). NaN when the learner
/// does not report the key (e.g. a discriminator signal for BC), so the analysis drops it for that algorithm.
/// </summary>
public sealed class DiagnosticProxy(string name, string key, ProxyDirection direction, string description) : IProxy
{
    public const string BcLossName = "bc_loss";
    public const string DiscriminatorAccuracyName = "discriminator_accuracy";
    public const string DiscriminatorEntropyName = "discriminator_entropy";

    /// <summary>Diagnostic keys the learners report: BcLearner's mean training loss since the last checkpoint,
    /// AdversarialLearner's accuracy and entropy on its last discriminator batch. (BC's loss on held-out
    /// demonstrations is what "action_mse" measures.)</summary>
    public const string BcLossKey = "bc_train_loss";
    public const string DiscriminatorAccuracyKey = "discriminator_accuracy";
    public const string DiscriminatorEntropyKey = "discriminator_entropy";

    public string Name { get; } = name;
    public string Key { get; } = key;
    public ProxyDirection Direction { get; } = direction;
    public ProxyReads Reads => ProxyReads.TrainingState;
    public string Description { get; } = description;

    public double Compute(ProxyInputs inputs) =>
        inputs.Learner.Diagnostics.TryGetValue(Key, out double value) ? value : double.NaN;
}
