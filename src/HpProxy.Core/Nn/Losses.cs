namespace HpProxy.Core.Nn;

/// <summary>
/// Scalar losses over a batch. Each returns the mean loss and WRITES (not accumulates) d(mean loss)/d(prediction)
/// into <c>grad</c>, which has the shape of the prediction. Convention: the mean is over ALL elements (PyTorch
/// <c>reduction='mean'</c>), so a [batch × 1] critic and a [batch × d] policy use the same formula.
/// </summary>
public static class Losses
{
    /// <summary>
    /// mean over all elements of (prediction − target)²; grad = 2(prediction − target)/N with N = prediction.Length.
    /// <paramref name="batch"/> only validates the shape (prediction.Length must be a multiple of it).
    /// </summary>
    public static float MeanSquaredError(ReadOnlySpan<float> prediction, ReadOnlySpan<float> target, Span<float> grad, int batch)
    {
        CheckShapes(prediction, target, grad, nameof(target));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        if (prediction.Length % batch != 0)
            throw new ArgumentException($"prediction length {prediction.Length} is not a multiple of batch {batch}", nameof(batch));
        double sum = 0;
        float scale = 2f / prediction.Length;
        for (int i = 0; i < prediction.Length; i++)
        {
            float d = prediction[i] - target[i];
            sum += (double)d * d;
            grad[i] = scale * d;
        }
        return (float)(sum / prediction.Length);
    }

    /// <summary>
    /// mean over elements of BCE(σ(logit), label) = softplus(ℓ) − yℓ, computed in the stable form
    /// max(ℓ, 0) − yℓ + log(1 + e^{−|ℓ|}); grad = (σ(ℓ) − y)/N. Labels may be soft (in [0, 1]).
    /// </summary>
    public static float BinaryCrossEntropyWithLogits(ReadOnlySpan<float> logits, ReadOnlySpan<float> labels, Span<float> grad)
    {
        CheckShapes(logits, labels, grad, nameof(labels));
        double sum = 0;
        float inv = 1f / logits.Length;
        for (int i = 0; i < logits.Length; i++)
        {
            float l = logits[i];
            float y = labels[i];
            sum += Softplus(l) - (double)y * l;
            grad[i] = (Sigmoid(l) - y) * inv;
        }
        return (float)(sum / logits.Length);
    }

    /// <summary>log(1 + eˣ) without overflow: max(x, 0) + log1p(e^{−|x|}).</summary>
    public static float Softplus(float x) => MathF.Max(x, 0f) + (float)Math.Log(1.0 + Math.Exp(-Math.Abs((double)x)));

    /// <summary>log σ(x) = −softplus(−x), finite for all finite x.</summary>
    public static float LogSigmoid(float x) => -Softplus(-x);

    /// <summary>σ(x) = 1/(1 + e^{−x}), evaluated so that neither branch overflows.</summary>
    public static float Sigmoid(float x)
    {
        if (x >= 0f)
            return 1f / (1f + MathF.Exp(-x));
        float e = MathF.Exp(x);
        return e / (1f + e);
    }

    private static void CheckShapes(ReadOnlySpan<float> prediction, ReadOnlySpan<float> target, Span<float> grad, string targetName)
    {
        if (prediction.Length == 0)
            throw new ArgumentException("empty prediction", nameof(prediction));
        if (target.Length != prediction.Length)
            throw new ArgumentException($"length {target.Length} != prediction length {prediction.Length}", targetName);
        if (grad.Length != prediction.Length)
            throw new ArgumentException($"length {grad.Length} != prediction length {prediction.Length}", nameof(grad));
    }
}
