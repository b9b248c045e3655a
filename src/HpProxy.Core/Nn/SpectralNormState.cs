using System.Numerics.Tensors;
using HpProxy.Core.Common;

namespace HpProxy.Core.Nn;

/// <summary>
/// Spectral normalisation of one weight matrix W [rows×cols] (Miyato et al. 2018): W_sn = W/σ with
/// σ = uᵀWv estimated by power iteration on persistent vectors u, v. As in the paper (and PyTorch) u and v are
/// treated as constants in backprop, so with ∂σ/∂W = u vᵀ:
///   ∂L/∂W = (∂L/∂W_sn − ⟨∂L/∂W_sn, W_sn⟩ u vᵀ) / σ.
/// </summary>
internal sealed class SpectralNormState
{
    /// <summary>Normalisation floor for the power-iteration vectors (PyTorch spectral_norm eps).</summary>
    private const float NormFloor = 1e-12f;

    /// <summary>Power iterations at construction so σ is accurate before the first training step (PyTorch: 15).</summary>
    public const int InitialIterations = 15;

    private readonly int _rows;
    private readonly int _cols;
    private readonly float[] _wv;

    public SpectralNormState(int rows, int cols, ReadOnlySpan<float> w, Rng rng)
    {
        _rows = rows;
        _cols = cols;
        U = new float[rows];
        V = new float[cols];
        _wv = new float[rows];
        for (int i = 0; i < rows; i++)
            U[i] = (float)rng.NextGaussian();
        Normalize(U);
        for (int i = 0; i < InitialIterations; i++)
            PowerIteration(w);
    }

    public float[] U { get; }

    public float[] V { get; }

    /// <summary>Current estimate of the largest singular value, from the last refresh.</summary>
    public float Sigma { get; private set; } = 1f;

    /// <summary>One power-iteration step: v ← Wᵀu/‖Wᵀu‖, u ← Wv/‖Wv‖, σ = uᵀWv.</summary>
    public void PowerIteration(ReadOnlySpan<float> w)
    {
        Array.Clear(V);
        for (int r = 0; r < _rows; r++)
            TensorPrimitives.MultiplyAdd(w.Slice(r * _cols, _cols), U[r], V, V);
        Normalize(V);
        for (int r = 0; r < _rows; r++)
            _wv[r] = TensorPrimitives.Dot(w.Slice(r * _cols, _cols), V);
        _wv.CopyTo(U, 0);
        Normalize(U);
        Sigma = TensorPrimitives.Dot(U, _wv);
    }

    /// <summary>σ = uᵀWv with the stored vectors (evaluation forward, gradient penalty).</summary>
    public void RefreshSigma(ReadOnlySpan<float> w)
    {
        for (int r = 0; r < _rows; r++)
            _wv[r] = TensorPrimitives.Dot(w.Slice(r * _cols, _cols), V);
        Sigma = TensorPrimitives.Dot(U, _wv);
    }

    /// <summary>wsn = w/σ.</summary>
    public void Apply(ReadOnlySpan<float> w, Span<float> wsn) => TensorPrimitives.Multiply(w, 1f / Sigma, wsn);

    /// <summary>grad += (gradSn − ⟨gradSn, wsn⟩ u vᵀ)/σ.</summary>
    public void Backward(ReadOnlySpan<float> wsn, ReadOnlySpan<float> gradSn, Span<float> grad)
    {
        float invSigma = 1f / Sigma;
        float inner = TensorPrimitives.Dot(gradSn, wsn);
        TensorPrimitives.MultiplyAdd(gradSn, invSigma, grad, grad);
        for (int r = 0; r < _rows; r++)
        {
            var row = grad.Slice(r * _cols, _cols);
            TensorPrimitives.MultiplyAdd(V, -inner * U[r] * invSigma, row, row);
        }
    }

    public void CopyTo(SpectralNormState target)
    {
        U.CopyTo(target.U, 0);
        V.CopyTo(target.V, 0);
        target.Sigma = Sigma;
    }

    private static void Normalize(Span<float> x)
    {
        float n = TensorPrimitives.Norm(x);
        TensorPrimitives.Multiply(x, 1f / MathF.Max(n, NormFloor), x);
    }
}
