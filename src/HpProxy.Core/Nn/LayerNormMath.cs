using System.Numerics.Tensors;

namespace HpProxy.Core.Nn;

/// <summary>
/// Row-wise layer normalisation n = γ ⊙ x̂ + β, x̂ = (z − mean z)·s, s = 1/√(var z + ε) (biased variance, as
/// PyTorch), with its backward, its forward-mode tangent and the reverse of that tangent (for double backprop).
///
/// Notation for one row of width d: J = ∂x̂/∂z = s (I − 11ᵀ/d − x̂x̂ᵀ/d). J is symmetric, so the backward
/// (Jᵀp) and the tangent (Jż) share one formula: J q = s (q − mean(q) − x̂ · mean(x̂ ⊙ q)).
/// </summary>
internal static class LayerNormMath
{
    /// <summary>PyTorch nn.LayerNorm default ε.</summary>
    public const float Epsilon = 1e-5f;

    /// <summary>Forward for one row: writes x̂ and n, returns s.</summary>
    public static float Forward(ReadOnlySpan<float> z, ReadOnlySpan<float> gain, ReadOnlySpan<float> shift, Span<float> xhat, Span<float> n)
    {
        int d = z.Length;
        float mean = TensorPrimitives.Sum(z) / d;
        TensorPrimitives.Subtract(z, mean, xhat);
        float var = TensorPrimitives.SumOfSquares(xhat) / d;
        float s = 1f / MathF.Sqrt(var + Epsilon);
        TensorPrimitives.Multiply(xhat, s, xhat);
        TensorPrimitives.FusedMultiplyAdd(xhat, gain, shift, n);
        return s;
    }

    /// <summary>result = J q for one row (may alias q).</summary>
    public static void ApplyJacobian(ReadOnlySpan<float> xhat, float s, ReadOnlySpan<float> q, Span<float> result)
    {
        int d = q.Length;
        float meanQ = TensorPrimitives.Sum(q) / d;
        float meanXq = TensorPrimitives.Dot(xhat, q) / d;
        for (int i = 0; i < d; i++)
            result[i] = s * (q[i] - meanQ - xhat[i] * meanXq);
    }

    /// <summary>
    /// Backward for one row: dn → dz (dz may alias dn); accumulates dγ += dn ⊙ x̂, dβ += dn unless the
    /// gradient spans are empty.
    /// </summary>
    public static void Backward(ReadOnlySpan<float> xhat, float s, ReadOnlySpan<float> gain, Span<float> gainGrad, Span<float> shiftGrad,
        ReadOnlySpan<float> dn, Span<float> dz)
    {
        if (!gainGrad.IsEmpty)
        {
            TensorPrimitives.FusedMultiplyAdd(dn, xhat, gainGrad, gainGrad);
            TensorPrimitives.Add(shiftGrad, dn, shiftGrad);
        }
        TensorPrimitives.Multiply(dn, gain, dz);
        ApplyJacobian(xhat, s, dz, dz);
    }

    /// <summary>
    /// Reverse of the (primal, tangent) pair for one row. Forward pair: n = γx̂ + β, ṅ = γ ⊙ ẋ̂ with ẋ̂ = J ż.
    /// Given adjoints n̄ (<paramref name="nBar"/>) and ṅ̄ (<paramref name="nDotBar"/>), writes z̄ and ż̄ and
    /// accumulates γ̄ += n̄ ⊙ x̂ + ṅ̄ ⊙ ẋ̂, β̄ += n̄.
    ///
    /// Derivation. Let p = γ ⊙ n̄ (adjoint of x̂) and q = γ ⊙ ṅ̄ (adjoint of ẋ̂).
    ///   ż̄ = Jᵀq = J q.
    ///   z̄ = Jᵀp + ∂/∂z [qᵀ J(z) ż]   (ż held fixed).
    /// With α = x̂ᵀq, β = x̂ᵀż and A = qᵀż − (Σq)(Σż)/d (independent of z):
    ///   qᵀJż = s·A − (s/d)·α·β.
    /// Using ∂s/∂z = −s² x̂/d, ∂x̂/∂z = J, so ∂α/∂z = J q and ∂β/∂z = J ż = ẋ̂, and s(A − αβ/d) = qᵀẋ̂:
    ///   ∂/∂z [qᵀJż] = −(s/d) [ (qᵀẋ̂) x̂ + β·J q + α·ẋ̂ ].
    /// Checked against finite differences in the tests (gradient penalty with layer norm).
    /// </summary>
    public static void ReverseTangent(ReadOnlySpan<float> xhat, float s, ReadOnlySpan<float> xhatDot, ReadOnlySpan<float> zDot,
        ReadOnlySpan<float> gain, Span<float> gainGrad, Span<float> shiftGrad,
        Span<float> nBar, Span<float> nDotBar)
    {
        int d = xhat.Length;
        // γ̄ and β̄ first, while nBar / nDotBar still hold the adjoints of n and ṅ.
        TensorPrimitives.FusedMultiplyAdd(nBar, xhat, gainGrad, gainGrad);
        TensorPrimitives.FusedMultiplyAdd(nDotBar, xhatDot, gainGrad, gainGrad);
        TensorPrimitives.Add(shiftGrad, nBar, shiftGrad);
        // p and q in place.
        TensorPrimitives.Multiply(nBar, gain, nBar);        // p
        TensorPrimitives.Multiply(nDotBar, gain, nDotBar);  // q
        float alpha = TensorPrimitives.Dot(xhat, nDotBar);
        float beta = TensorPrimitives.Dot(xhat, zDot);
        float qXhatDot = TensorPrimitives.Dot(nDotBar, xhatDot);
        ApplyJacobian(xhat, s, nBar, nBar);                 // J p
        ApplyJacobian(xhat, s, nDotBar, nDotBar);           // ż̄ = J q
        float c = s / d;
        for (int i = 0; i < d; i++)
            nBar[i] -= c * (qXhatDot * xhat[i] + beta * nDotBar[i] + alpha * xhatDot[i]);
    }
}
