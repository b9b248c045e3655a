using System.Numerics.Tensors;
using HpProxy.Core.Common;

namespace HpProxy.Core.Nn;

/// <summary>
/// Multi-layer perceptron on row-major batches: hidden layers Linear → [LayerNorm] → activation → [dropout],
/// then a linear output layer. float32, allocation-free in steady state.
///
/// Initialisation (PyTorch nn.Linear default, i.e. Kaiming-uniform with a = √5): weights and biases
/// ~ U(−1/√fan_in, 1/√fan_in); the output layer's are then multiplied by <see cref="MlpOptions.OutputInitScale"/>.
/// The weights are drawn first, layer by layer (weight then bias), so the same seed gives the same weights
/// whatever the options; the spectral-norm vectors are drawn afterwards.
///
/// Not thread-safe: an instance owns its forward/backward buffers. Different instances may train on different
/// threads (the GEMM's packing buffers are per thread).
/// </summary>
public sealed partial class Mlp
{
    private readonly int[] _sizes;
    private readonly Activation _activation;
    private readonly MlpOptions _options;
    private readonly Parameter[] _weights;
    private readonly Parameter[] _biases;
    private readonly Parameter[] _gains;   // layer-norm gain per hidden layer (empty without layer norm)
    private readonly Parameter[] _shifts;  // layer-norm shift per hidden layer
    private readonly SpectralNormState[] _spectral; // per layer (empty without spectral norm)
    private readonly float[][] _effectiveWeights;   // W/σ under spectral norm, else the weight arrays themselves
    private readonly float[][] _effectiveGrads;     // ∂L/∂(W/σ) scratch under spectral norm
    private readonly Parameter[] _parameters;
    private readonly ForwardCache _main;
    private ForwardCache? _penalty;

    public Mlp(int inputSize, IReadOnlyList<int> hiddenSizes, int outputSize, Activation hidden, Rng rng, MlpOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        ArgumentNullException.ThrowIfNull(hiddenSizes);
        ArgumentNullException.ThrowIfNull(rng);
        if (!Enum.IsDefined(hidden))
            throw new ArgumentOutOfRangeException(nameof(hidden), hidden, null);
        foreach (int h in hiddenSizes)
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(h, nameof(hiddenSizes));
        _options = options ?? new MlpOptions();
        _options.Validate();
        _activation = hidden;
        _sizes = [inputSize, .. hiddenSizes, outputSize];
        int layers = _sizes.Length - 1;

        _weights = new Parameter[layers];
        _biases = new Parameter[layers];
        var all = new List<Parameter>();
        for (int l = 0; l < layers; l++)
        {
            int fin = _sizes[l], fout = _sizes[l + 1];
            _weights[l] = new Parameter($"layer{l}.weight", fout * fin);
            _biases[l] = new Parameter($"layer{l}.bias", fout);
            float bound = 1f / MathF.Sqrt(fin);
            if (l == layers - 1)
                bound *= _options.OutputInitScale;
            foreach (var p in (ReadOnlySpan<Parameter>)[_weights[l], _biases[l]])
                for (int i = 0; i < p.Value.Length; i++)
                    p.Value[i] = (float)rng.Uniform(-bound, bound);
            all.Add(_weights[l]);
            all.Add(_biases[l]);
        }

        _gains = _options.LayerNorm ? new Parameter[layers - 1] : [];
        _shifts = _options.LayerNorm ? new Parameter[layers - 1] : [];
        for (int l = 0; l < _gains.Length; l++)
        {
            _gains[l] = new Parameter($"layer{l}.norm.gain", _sizes[l + 1]);
            _shifts[l] = new Parameter($"layer{l}.norm.shift", _sizes[l + 1]);
            Array.Fill(_gains[l].Value, 1f);
            all.Add(_gains[l]);
            all.Add(_shifts[l]);
        }

        _effectiveWeights = new float[layers][];
        if (_options.SpectralNorm)
        {
            _spectral = new SpectralNormState[layers];
            _effectiveGrads = new float[layers][];
            for (int l = 0; l < layers; l++)
            {
                _spectral[l] = new SpectralNormState(_sizes[l + 1], _sizes[l], _weights[l].Value, rng);
                _effectiveWeights[l] = new float[_weights[l].Value.Length];
                _effectiveGrads[l] = new float[_weights[l].Value.Length];
            }
        }
        else
        {
            _spectral = [];
            _effectiveGrads = [];
            for (int l = 0; l < layers; l++)
                _effectiveWeights[l] = _weights[l].Value;
        }

        _parameters = [.. all];
        ParameterCount = all.Sum(p => p.Value.Length);
        _main = new ForwardCache(_sizes, _options.LayerNorm, _options.InputDropout > 0f, _options.HiddenDropout > 0f, tangents: false);
    }

    public int InputSize => _sizes[0];

    public int OutputSize => _sizes[^1];

    public IReadOnlyList<int> HiddenSizes => _sizes[1..^1];

    public Activation HiddenActivation => _activation;

    public MlpOptions Options => _options;

    /// <summary>
    /// All trainable parameters: per layer weight [out×in, row-major] and bias, then per hidden layer the
    /// layer-norm gain and shift when enabled.
    /// </summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    public int ParameterCount { get; }

    /// <summary>Largest batch the forward buffers currently hold (0 before the first Forward); grows on demand.</summary>
    public int MaxBatch => _main.Capacity;

    private int LayerCount => _sizes.Length - 1;

    /// <summary>Spectral-norm σ of a layer from the last refresh (tests, diagnostics).</summary>
    internal float SpectralSigma(int layer) => _spectral[layer].Sigma;

    /// <summary>Pre-allocates the forward/backward buffers for <paramref name="batch"/> rows.</summary>
    public void EnsureCapacity(int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        _main.Ensure(batch);
    }

    /// <summary>
    /// Batched forward of row-major <paramref name="input"/> [batch × InputSize]. Returns [batch × OutputSize],
    /// owned by this Mlp and valid until the next Forward. <paramref name="training"/> = true enables dropout
    /// (then <paramref name="dropoutRng"/> is required when any dropout is configured) and one spectral-norm
    /// power-iteration step per layer.
    /// </summary>
    public ReadOnlySpan<float> Forward(ReadOnlySpan<float> input, int batch, bool training = false, Rng? dropoutRng = null)
    {
        CheckBatch(input.Length, batch, InputSize, nameof(input));
        bool dropout = training && (_options.InputDropout > 0f || _options.HiddenDropout > 0f);
        if (dropout && dropoutRng is null)
            throw new ArgumentNullException(nameof(dropoutRng), "training with dropout needs an Rng");
        RefreshEffectiveWeights(powerIteration: training);
        return ForwardCore(_main, input, batch, training, dropoutRng);
    }

    /// <summary>
    /// Backprop of <paramref name="outputGrad"/> = dLoss/dOutput [batch × OutputSize] through the last Forward.
    /// ACCUMULATES into every <see cref="Parameter.Grad"/>; writes dLoss/dInput into <paramref name="inputGrad"/>
    /// when it is non-empty (then it must be [batch × InputSize]).
    /// </summary>
    public void Backward(ReadOnlySpan<float> outputGrad, Span<float> inputGrad = default)
    {
        int batch = _main.Batch;
        if (batch < 0)
            throw new InvalidOperationException("Backward before Forward");
        CheckBatch(outputGrad.Length, batch, OutputSize, nameof(outputGrad));
        if (!inputGrad.IsEmpty)
            CheckBatch(inputGrad.Length, batch, InputSize, nameof(inputGrad));
        outputGrad.CopyTo(_main.Grad[LayerCount - 1]);
        BackwardCore(_main, inputGrad, accumulateParameters: true);
    }

    /// <summary>
    /// Backprop to the input only: writes dLoss/dInput [batch × InputSize] for the last Forward and leaves every
    /// parameter gradient untouched (e.g. ∂Q/∂a through a critic in the SAC/TD3 actor update). About half the
    /// cost of <see cref="Backward"/>, which also computes the weight gradients.
    /// </summary>
    public void BackwardInput(ReadOnlySpan<float> outputGrad, Span<float> inputGrad)
    {
        int batch = _main.Batch;
        if (batch < 0)
            throw new InvalidOperationException("BackwardInput before Forward");
        CheckBatch(outputGrad.Length, batch, OutputSize, nameof(outputGrad));
        CheckBatch(inputGrad.Length, batch, InputSize, nameof(inputGrad));
        outputGrad.CopyTo(_main.Grad[LayerCount - 1]);
        BackwardCore(_main, inputGrad, accumulateParameters: false);
    }

    public void ZeroGrad()
    {
        foreach (var p in _parameters)
            p.ZeroGrad();
    }

    /// <summary>Hard update: target ← this (parameters and spectral-norm vectors).</summary>
    public void CopyParametersTo(Mlp target)
    {
        CheckSameShape(target);
        for (int i = 0; i < _parameters.Length; i++)
            _parameters[i].Value.CopyTo(target._parameters[i].Value, 0);
        for (int l = 0; l < _spectral.Length; l++)
            _spectral[l].CopyTo(target._spectral[l]);
    }

    /// <summary>
    /// Polyak update: target ← τ·this + (1 − τ)·target. The spectral-norm vectors (an estimate, not a parameter)
    /// are copied from this network: a target network is evaluated without power iteration, so its own vectors
    /// would otherwise never track its weights.
    /// </summary>
    public void SoftUpdateTo(Mlp target, float tau)
    {
        CheckSameShape(target);
        if (!(tau >= 0f && tau <= 1f))
            throw new ArgumentOutOfRangeException(nameof(tau), tau, "must be in [0, 1]");
        for (int i = 0; i < _parameters.Length; i++)
        {
            float[] t = target._parameters[i].Value;
            // t ← t + τ(s − t), the same as τ·s + (1 − τ)·t.
            TensorPrimitives.Lerp(t, _parameters[i].Value, tau, t);
        }
        for (int l = 0; l < _spectral.Length; l++)
            _spectral[l].CopyTo(target._spectral[l]);
    }

    private void RefreshEffectiveWeights(bool powerIteration)
    {
        for (int l = 0; l < _spectral.Length; l++)
        {
            var w = _weights[l].Value;
            if (powerIteration)
                _spectral[l].PowerIteration(w);
            else
                _spectral[l].RefreshSigma(w);
            _spectral[l].Apply(w, _effectiveWeights[l]);
        }
    }

    private ReadOnlySpan<float> ForwardCore(ForwardCache c, ReadOnlySpan<float> input, int batch, bool training, Rng? rng)
    {
        c.Ensure(batch);
        c.Batch = batch;
        c.InputDropoutActive = training && _options.InputDropout > 0f;
        c.HiddenDropoutActive = training && _options.HiddenDropout > 0f;
        int layers = LayerCount;

        var x = c.Input.AsSpan(0, batch * InputSize);
        input.CopyTo(x);
        if (c.InputDropoutActive)
            ApplyDropout(x, c.InputMask.AsSpan(0, x.Length), _options.InputDropout, rng!);

        for (int l = 0; l < layers; l++)
        {
            int fin = _sizes[l], fout = _sizes[l + 1];
            var z = c.Z[l].AsSpan(0, batch * fout);
            // z = x·Wᵀ + b
            Gemm.MultiplyTransposedBAddRow(c.LayerInput(l).AsSpan(0, batch * fin), _effectiveWeights[l], _biases[l].Value, z, batch, fout, fin);
            if (l == layers - 1)
                break;

            var n = c.N[l].AsSpan(0, batch * fout);
            if (_options.LayerNorm)
            {
                var xhat = c.Xhat[l];
                var invStd = c.InvStd[l];
                for (int r = 0; r < batch; r++)
                    invStd[r] = LayerNormMath.Forward(z.Slice(r * fout, fout), _gains[l].Value, _shifts[l].Value,
                        xhat.AsSpan(r * fout, fout), n.Slice(r * fout, fout));
            }
            var a = c.A[l].AsSpan(0, batch * fout);
            ActivationMath.Forward(_activation, n, a);
            if (c.HiddenDropoutActive)
            {
                var h = c.H[l].AsSpan(0, batch * fout);
                a.CopyTo(h);
                ApplyDropout(h, c.Mask[l].AsSpan(0, h.Length), _options.HiddenDropout, rng!);
            }
        }
        return c.Z[layers - 1].AsSpan(0, batch * OutputSize);
    }

    /// <summary>
    /// Reverse pass. Expects ∂L/∂y in c.Grad[L−1]. With <paramref name="accumulateParameters"/> false only the
    /// input gradient is computed (gradient penalty's first pass).
    /// </summary>
    private void BackwardCore(ForwardCache c, Span<float> inputGrad, bool accumulateParameters)
    {
        int batch = c.Batch;
        for (int l = LayerCount - 1; l >= 0; l--)
        {
            int fin = _sizes[l], fout = _sizes[l + 1];
            var dz = c.Grad[l].AsSpan(0, batch * fout);
            if (accumulateParameters)
            {
                var hin = c.LayerInput(l).AsSpan(0, batch * fin);
                AccumulateLinearGrads(l, dz, hin, ReadOnlySpan<float>.Empty, ReadOnlySpan<float>.Empty, batch);
            }
            if (l > 0)
            {
                var dh = c.Grad[l - 1].AsSpan(0, batch * fin);
                // dh = dz·W
                Gemm.Multiply(dz, _effectiveWeights[l], dh, batch, fin, fout, accumulate: false);
                if (c.HiddenDropoutActive)
                    TensorPrimitives.Multiply(dh, c.Mask[l - 1].AsSpan(0, dh.Length), dh);
                ActivationMath.Backward(_activation, c.N[l - 1].AsSpan(0, dh.Length), c.A[l - 1].AsSpan(0, dh.Length), dh, dh);
                if (_options.LayerNorm)
                {
                    var gainGrad = accumulateParameters ? _gains[l - 1].Grad : Span<float>.Empty;
                    var shiftGrad = accumulateParameters ? _shifts[l - 1].Grad : Span<float>.Empty;
                    var xhat = c.Xhat[l - 1];
                    for (int r = 0; r < batch; r++)
                    {
                        var row = dh.Slice(r * fin, fin);
                        LayerNormMath.Backward(xhat.AsSpan(r * fin, fin), c.InvStd[l - 1][r], _gains[l - 1].Value, gainGrad, shiftGrad, row, row);
                    }
                }
            }
            else if (!inputGrad.IsEmpty)
            {
                Gemm.Multiply(dz, _effectiveWeights[0], inputGrad, batch, fin, fout, accumulate: false);
                if (c.InputDropoutActive)
                    TensorPrimitives.Multiply(inputGrad, c.InputMask.AsSpan(0, inputGrad.Length), inputGrad);
            }
        }
    }

    /// <summary>
    /// dW += dzᵀ·hin (+ dżᵀ·ḣin when tangents are given), db += column sums of dz; maps through spectral norm.
    /// An empty <paramref name="dz"/> stands for an all-zero adjoint (gradient penalty) and costs nothing.
    /// </summary>
    private void AccumulateLinearGrads(int l, ReadOnlySpan<float> dz, ReadOnlySpan<float> hin, ReadOnlySpan<float> dzDot, ReadOnlySpan<float> hinDot, int batch)
    {
        int fin = _sizes[l], fout = _sizes[l + 1];
        bool spectral = _spectral.Length > 0;
        var wGrad = spectral ? _effectiveGrads[l].AsSpan() : _weights[l].Grad.AsSpan();
        if (spectral)
            wGrad.Clear();
        if (!dz.IsEmpty)
        {
            Gemm.MultiplyTransposedA(dz, hin, wGrad, fout, fin, batch, accumulate: true);
            Gemm.AddColumnSums(dz, batch, fout, _biases[l].Grad);
        }
        if (!dzDot.IsEmpty)
            Gemm.MultiplyTransposedA(dzDot, hinDot, wGrad, fout, fin, batch, accumulate: true);
        if (spectral)
            _spectral[l].Backward(_effectiveWeights[l], wGrad, _weights[l].Grad);
    }

    /// <summary>Inverted dropout: x ← x·m with m = 0 w.p. p, else 1/(1 − p), so the expectation is unchanged.</summary>
    private static void ApplyDropout(Span<float> x, Span<float> mask, float p, Rng rng)
    {
        float keep = 1f / (1f - p);
        for (int i = 0; i < x.Length; i++)
        {
            float m = rng.NextFloat() < p ? 0f : keep;
            mask[i] = m;
            x[i] *= m;
        }
    }

    private static void CheckBatch(int length, int batch, int width, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        if (length != batch * width)
            throw new ArgumentException($"length {length} != batch {batch} × {width}", name);
    }

    private void CheckSameShape(Mlp target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!_sizes.AsSpan().SequenceEqual(target._sizes) || _parameters.Length != target._parameters.Length
            || _spectral.Length != target._spectral.Length)
            throw new ArgumentException("target has a different architecture", nameof(target));
    }
}
