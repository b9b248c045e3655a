using System.Numerics;
using System.Numerics.Tensors;

namespace HpProxy.Core.Nn;

/// <summary>
/// Adam (Kingma &amp; Ba 2015, Algorithm 1, with bias correction) with optional decoupled weight decay (AdamW)
/// and global-norm gradient clipping. <see cref="Step"/> reads the accumulated gradients and does not zero them.
/// Works for any parameter list, including a single scalar (SAC's log-temperature).
/// </summary>
public sealed class Adam
{
    private readonly Parameter[] _parameters;
    private readonly float[][] _m;
    private readonly float[][] _v;
    private readonly AdamOptions _options;

    public Adam(IReadOnlyList<Parameter> parameters, AdamOptions options)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _parameters = [.. parameters];
        _m = new float[_parameters.Length][];
        _v = new float[_parameters.Length][];
        for (int i = 0; i < _parameters.Length; i++)
        {
            _m[i] = new float[_parameters[i].Value.Length];
            _v[i] = new float[_parameters[i].Value.Length];
        }
    }

    public AdamOptions Options => _options;

    /// <summary>Number of <see cref="Step"/> calls so far (t in Kingma &amp; Ba).</summary>
    public long StepCount { get; private set; }

    /// <summary>Global L2 norm of all gradients, as used by clipping.</summary>
    public float GradientNorm()
    {
        double sq = 0;
        foreach (var p in _parameters)
        {
            float n = TensorPrimitives.Norm(p.Grad);
            sq += (double)n * n;
        }
        return (float)Math.Sqrt(sq);
    }

    public void Step()
    {
        StepCount++;
        float lr = _options.LearningRate;
        float b1 = _options.Beta1, b2 = _options.Beta2, eps = _options.Epsilon;
        float gradScale = 1f;
        if (_options.GradientClipNorm > 0f)
        {
            float norm = GradientNorm();
            // PyTorch clip_grad_norm_: scale = max_norm / (norm + 1e-6), applied only when < 1.
            float s = _options.GradientClipNorm / (norm + 1e-6f);
            if (s < 1f)
                gradScale = s;
        }
        // Bias corrections 1 − βᵗ in double: βᵗ underflows gracefully and t may be large.
        float c1 = (float)(1.0 - Math.Pow(b1, StepCount));
        float c2 = (float)(1.0 - Math.Pow(b2, StepCount));
        float stepSize = lr / c1;
        float invSqrtC2 = 1f / MathF.Sqrt(c2);
        float decay = 1f - lr * _options.WeightDecay;
        for (int i = 0; i < _parameters.Length; i++)
            Update(_parameters[i].Value, _parameters[i].Grad, _m[i], _v[i], gradScale, b1, b2, eps, stepSize, invSqrtC2, decay);
    }

    /// <summary>
    /// One parameter tensor: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², θ ← θ(1 − αλ) − α m̂ / (√v̂ + ε), with
    /// m̂ = m/c1 and √v̂ = √v/√c2 (the PyTorch Adam/AdamW form). SIMD body, scalar tail with the same operations.
    /// </summary>
    private static void Update(float[] theta, float[] g, float[] m, float[] v, float gradScale, float b1, float b2, float eps,
        float stepSize, float invSqrtC2, float decay)
    {
        int j = 0;
        int w = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var vb1 = new Vector<float>(b1);
            var vb1c = new Vector<float>(1f - b1);
            var vb2 = new Vector<float>(b2);
            var vb2c = new Vector<float>(1f - b2);
            var vScale = new Vector<float>(gradScale);
            var vEps = new Vector<float>(eps);
            var vStep = new Vector<float>(stepSize);
            var vInvSqrtC2 = new Vector<float>(invSqrtC2);
            var vDecay = new Vector<float>(decay);
            for (; j <= theta.Length - w; j += w)
            {
                var gj = new Vector<float>(g, j) * vScale;
                var mj = vb1 * new Vector<float>(m, j) + vb1c * gj;
                var vj = vb2 * new Vector<float>(v, j) + vb2c * (gj * gj);
                mj.CopyTo(m, j);
                vj.CopyTo(v, j);
                var t = new Vector<float>(theta, j) * vDecay - vStep * mj / (Vector.SquareRoot(vj) * vInvSqrtC2 + vEps);
                t.CopyTo(theta, j);
            }
        }
        for (; j < theta.Length; j++)
        {
            float gj = g[j] * gradScale;
            float mj = b1 * m[j] + (1f - b1) * gj;
            float vj = b2 * v[j] + (1f - b2) * (gj * gj);
            m[j] = mj;
            v[j] = vj;
            theta[j] = theta[j] * decay - stepSize * mj / (MathF.Sqrt(vj) * invSqrtC2 + eps);
        }
    }
}
