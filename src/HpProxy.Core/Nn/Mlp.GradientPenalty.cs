using System.Numerics.Tensors;

namespace HpProxy.Core.Nn;

public sealed partial class Mlp
{
    /// <summary>Added under the square root of ‖g‖ so its derivative g/‖g‖ stays finite at g = 0.</summary>
    private const float PenaltyNormEpsilon = 1e-12f;

    /// <summary>
    /// Gradient penalty (Gulrajani et al. 2017, WGAN-GP): for each row xᵢ, gᵢ = ∂(Σₖ f(xᵢ)ₖ)/∂xᵢ and
    /// loss = coefficient · meanᵢ (‖gᵢ‖ − target)², with ‖g‖ = √(Σg² + 1e-12). ACCUMULATES ∂loss/∂θ into the
    /// parameter gradients and returns the loss. The caller builds the interpolated inputs (per-sample mixing of
    /// expert and agent rows). Runs in evaluation mode: no dropout, no power iteration (σ from the stored
    /// spectral-norm vectors). Uses its own buffers, so the cache of the last <see cref="Forward"/> stays valid.
    ///
    /// Derivation (double backprop as reverse-over-forward). With v = ∂loss/∂g held fixed,
    ///   vᵢ = (2·coefficient/B)(‖gᵢ‖ − target) gᵢ/‖gᵢ‖,
    /// the chain rule gives ∂loss/∂θ = ∂/∂θ Σᵢ vᵢᵀgᵢ(θ), and vᵢᵀgᵢ = Σₖ (J_f(xᵢ) vᵢ)ₖ is the output tangent of a
    /// forward-mode (JVP) pass with input tangent ẋ = v. So we (1) run the primal forward, (2) backprop ones to
    /// get g, (3) form v, (4) run the JVP: per layer ż = ḣ_in·Wᵀ (no bias), ṅ = LayerNorm tangent of ż (or ż),
    /// ȧ = f'(n) ⊙ ṅ, and (5) reverse-differentiate S = Σ ẏ through the (primal, tangent) pair with seeds
    /// ȳ = 0, ẏ̄ = 1. Per hidden layer, given adjoints (ā, ǡ):
    ///   ṅ̄ = f'(n) ⊙ ǡ,     n̄ = f'(n) ⊙ ā + f''(n) ⊙ ṅ ⊙ ǡ      (product rule on ȧ = f'(n)ṅ)
    ///   (z̄, ż̄) = layer-norm reverse of its tangent (see <see cref="LayerNormMath.ReverseTangent"/>), or (n̄, ṅ̄)
    ///   W̄ += z̄ᵀ·h_in + ż̄ᵀ·ḣ_in,  b̄ += Σ_rows z̄,  (ā, ǡ) of the layer below = (z̄·W, ż̄·W).
    /// The output layer is linear: W̄ += 1ᵀ·ḣ_in and b̄ gets nothing (ȳ = 0). Spectral norm maps W̄_sn to W̄ as in
    /// the ordinary backward. Checked against finite differences of the loss for every activation, layer norm
    /// and spectral norm in the tests.
    /// </summary>
    public float GradientPenalty(ReadOnlySpan<float> inputs, int batch, float coefficient, float target = 1f)
    {
        CheckBatch(inputs.Length, batch, InputSize, nameof(inputs));
        var c = _penalty ??= new ForwardCache(_sizes, _options.LayerNorm, inputDropout: false, hiddenDropout: false, tangents: true);
        int layers = LayerCount;
        int inSize = InputSize;

        // (1) primal forward, evaluation mode.
        RefreshEffectiveWeights(powerIteration: false);
        ForwardCore(c, inputs, batch, training: false, rng: null);

        // (2) g = ∂(Σ outputs)/∂x.
        c.Grad[layers - 1].AsSpan(0, batch * OutputSize).Fill(1f);
        var g = c.InputGrad.AsSpan(0, batch * inSize);
        BackwardCore(c, g, accumulateParameters: false);

        // (3) loss and v = ∂loss/∂g.
        var v = c.InputDot.AsSpan(0, batch * inSize);
        double loss = 0;
        for (int r = 0; r < batch; r++)
        {
            var gr = g.Slice(r * inSize, inSize);
            float norm = MathF.Sqrt(TensorPrimitives.SumOfSquares(gr) + PenaltyNormEpsilon);
            float diff = norm - target;
            loss += (double)diff * diff;
            TensorPrimitives.Multiply(gr, 2f * coefficient / batch * diff / norm, v.Slice(r * inSize, inSize));
        }

        // (4) forward-mode tangent pass.
        for (int l = 0; l < layers; l++)
        {
            int fin = _sizes[l], fout = _sizes[l + 1];
            var zDot = c.ZDot[l].AsSpan(0, batch * fout);
            Gemm.MultiplyTransposedB(c.LayerInputDot(l).AsSpan(0, batch * fin), _effectiveWeights[l], zDot, batch, fout, fin, accumulate: false);
            if (l == layers - 1)
                break;
            var nDot = c.NDot[l].AsSpan(0, batch * fout);
            if (_options.LayerNorm)
            {
                var gain = _gains[l].Value;
                for (int r = 0; r < batch; r++)
                {
                    var xhatDot = c.XhatDot[l].AsSpan(r * fout, fout);
                    LayerNormMath.ApplyJacobian(c.Xhat[l].AsSpan(r * fout, fout), c.InvStd[l][r], zDot.Slice(r * fout, fout), xhatDot);
                    TensorPrimitives.Multiply(xhatDot, gain, nDot.Slice(r * fout, fout));
                }
            }
            ActivationMath.Backward(_activation, c.N[l].AsSpan(0, nDot.Length), c.A[l].AsSpan(0, nDot.Length), nDot, c.ADot[l].AsSpan(0, nDot.Length));
        }

        // (5) reverse of the (primal, tangent) pass with ȳ = 0, ẏ̄ = 1.
        // While the primal adjoints are exactly zero they are not computed: ȳ = 0 at the output, and with
        // f'' ≡ 0 (relu, leaky relu, identity) and no layer norm n̄ = f'(n)·ā stays 0 all the way down, which
        // skips half of the products for the most common discriminators.
        bool primalZero = true;
        {
            int l = layers - 1;
            int fin = _sizes[l], fout = _sizes[l + 1];
            var zDotBar = c.GradDot[l].AsSpan(0, batch * fout);
            zDotBar.Fill(1f);
            AccumulateLinearGrads(l, Span<float>.Empty, c.LayerInput(l).AsSpan(0, batch * fin), zDotBar, c.LayerInputDot(l).AsSpan(0, batch * fin), batch);
            if (l > 0)
                Gemm.Multiply(zDotBar, _effectiveWeights[l], c.GradDot[l - 1].AsSpan(0, batch * fin), batch, fin, fout, accumulate: false);
        }
        bool linearPieces = _activation is Activation.Relu or Activation.LeakyRelu or Activation.Identity;
        for (int l = layers - 2; l >= 0; l--)
        {
            int fin = _sizes[l], fout = _sizes[l + 1];
            int len = batch * fout;
            var aBar = c.Grad[l].AsSpan(0, len);
            var aDotBar = c.GradDot[l].AsSpan(0, len);
            var n = c.N[l].AsSpan(0, len);
            var a = c.A[l].AsSpan(0, len);
            if (primalZero && linearPieces && !_options.LayerNorm)
            {
                ActivationMath.Backward(_activation, n, a, aDotBar, aDotBar); // ṅ̄ = f'(n) ⊙ ǡ; n̄ = 0
            }
            else
            {
                if (primalZero)
                    aBar.Clear();
                ActivationMath.SecondOrderBackward(_activation, n, a, c.NDot[l].AsSpan(0, len), aBar, aDotBar);
                if (_options.LayerNorm)
                {
                    for (int r = 0; r < batch; r++)
                    {
                        LayerNormMath.ReverseTangent(c.Xhat[l].AsSpan(r * fout, fout), c.InvStd[l][r], c.XhatDot[l].AsSpan(r * fout, fout),
                            c.ZDot[l].AsSpan(r * fout, fout), _gains[l].Value, _gains[l].Grad, _shifts[l].Grad,
                            aBar.Slice(r * fout, fout), aDotBar.Slice(r * fout, fout));
                    }
                }
                primalZero = false;
            }
            // Now aBar = z̄ (unless primalZero) and aDotBar = ż̄.
            var zBar = primalZero ? Span<float>.Empty : aBar;
            AccumulateLinearGrads(l, zBar, c.LayerInput(l).AsSpan(0, batch * fin), aDotBar, c.LayerInputDot(l).AsSpan(0, batch * fin), batch);
            if (l > 0)
            {
                if (!primalZero)
                    Gemm.Multiply(aBar, _effectiveWeights[l], c.Grad[l - 1].AsSpan(0, batch * fin), batch, fin, fout, accumulate: false);
                Gemm.Multiply(aDotBar, _effectiveWeights[l], c.GradDot[l - 1].AsSpan(0, batch * fin), batch, fin, fout, accumulate: false);
            }
        }
        return (float)(coefficient * loss / batch);
    }
}
