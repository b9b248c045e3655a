namespace HpProxy.Core.Nn;

/// <summary>Architecture options of an <see cref="Mlp"/> beyond layer sizes. Defaults give a plain MLP.</summary>
public sealed record MlpOptions
{
    /// <summary>Dropout probability on the network input (training forward only). 0 = off (plain MLP).</summary>
    public float InputDropout { get; init; } = 0f;

    /// <summary>Dropout probability after each hidden activation (training forward only). 0 = off (plain MLP).</summary>
    public float HiddenDropout { get; init; } = 0f;

    /// <summary>
    /// Layer normalisation (Ba et al. 2016) after each hidden Linear, before the activation, with a learned gain
    /// (init 1) and shift (init 0); epsilon 1e-5 (PyTorch default). Off by default (plain MLP).
    /// </summary>
    public bool LayerNorm { get; init; } = false;

    /// <summary>
    /// Spectral normalisation of every Linear weight, W/σ(W) (Miyato et al. 2018): one power-iteration step per
    /// training forward, the stored singular vectors are reused at evaluation. Off by default (plain MLP).
    /// </summary>
    public bool SpectralNorm { get; init; } = false;

    /// <summary>
    /// Multiplies the default initialisation of the output layer (weights and bias); e.g. 1e-3 for policy
    /// heads so initial actions are near zero. 1 = the default PyTorch initialisation.
    /// </summary>
    public float OutputInitScale { get; init; } = 1f;

    internal void Validate()
    {
        if (!(InputDropout >= 0f && InputDropout < 1f))
            throw new ArgumentOutOfRangeException(nameof(InputDropout), InputDropout, "must be in [0, 1)");
        if (!(HiddenDropout >= 0f && HiddenDropout < 1f))
            throw new ArgumentOutOfRangeException(nameof(HiddenDropout), HiddenDropout, "must be in [0, 1)");
        if (!float.IsFinite(OutputInitScale) || OutputInitScale < 0f)
            throw new ArgumentOutOfRangeException(nameof(OutputInitScale), OutputInitScale, "must be finite and >= 0");
    }
}
