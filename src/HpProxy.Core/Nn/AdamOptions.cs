namespace HpProxy.Core.Nn;

/// <summary>Hyperparameters of <see cref="Adam"/>; defaults are those of Kingma &amp; Ba (2015) / PyTorch.</summary>
public sealed record AdamOptions
{
    /// <summary>Step size α (Kingma &amp; Ba 2015, PyTorch default 1e-3).</summary>
    public float LearningRate { get; init; } = 1e-3f;

    /// <summary>First-moment decay β₁ (Kingma &amp; Ba 2015).</summary>
    public float Beta1 { get; init; } = 0.9f;

    /// <summary>Second-moment decay β₂ (Kingma &amp; Ba 2015).</summary>
    public float Beta2 { get; init; } = 0.999f;

    /// <summary>ε added to √v̂ (Kingma &amp; Ba 2015).</summary>
    public float Epsilon { get; init; } = 1e-8f;

    /// <summary>
    /// Decoupled weight decay λ (AdamW, Loshchilov &amp; Hutter 2019): θ ← θ − α·λ·θ before the Adam update,
    /// as PyTorch's AdamW. 0 = plain Adam.
    /// </summary>
    public float WeightDecay { get; init; } = 0f;

    /// <summary>
    /// Clip the global L2 norm of all gradients to this value before the update (PyTorch clip_grad_norm_);
    /// 0 = off. The gradients themselves are left unchanged; the update uses the scaled copy.
    /// </summary>
    public float GradientClipNorm { get; init; } = 0f;

    internal void Validate()
    {
        if (!(LearningRate >= 0f) || !float.IsFinite(LearningRate))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "must be finite and >= 0");
        if (!(Beta1 >= 0f && Beta1 < 1f))
            throw new ArgumentOutOfRangeException(nameof(Beta1), Beta1, "must be in [0, 1)");
        if (!(Beta2 >= 0f && Beta2 < 1f))
            throw new ArgumentOutOfRangeException(nameof(Beta2), Beta2, "must be in [0, 1)");
        if (!(Epsilon > 0f))
            throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, "must be > 0");
        if (!(WeightDecay >= 0f) || !float.IsFinite(WeightDecay))
            throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "must be finite and >= 0");
        if (!(GradientClipNorm >= 0f) || !float.IsFinite(GradientClipNorm))
            throw new ArgumentOutOfRangeException(nameof(GradientClipNorm), GradientClipNorm, "must be finite and >= 0");
    }
}
