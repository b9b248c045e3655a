using HpProxy.Core.Common;

namespace HpProxy.Core.Nn;

/// <summary>
/// Tanh-squashed diagonal Gaussian policy head (Haarnoja et al. 2018, SAC, appendix C), allocation-free on spans.
///
/// Layout: a policy network outputs a head [batch × 2d]; each row is [μ₁..μ_d, ρ₁..ρ_d] where ρ is an
/// unbounded log-std pre-activation mapped smoothly into [logStdMin, logStdMax]:
///   log σ = min + ½(max − min)(tanh ρ + 1)   (pytorch_sac / CleanRL; defaults −5 and 2).
/// Gradients are written (not accumulated) in the same [batch × 2d] layout, ready for <see cref="Mlp.Backward"/>.
///
/// Sampling (reparameterised): u = μ + σ ε, ε ~ N(0, I), a = tanh u, and
///   log π(a|s) = Σⱼ [ −½εⱼ² − log σⱼ − ½ log 2π − log(1 − tanh² uⱼ) ],
/// with the numerically stable log(1 − tanh² u) = 2(log 2 − u − softplus(−2u)).
///
/// Log-likelihood of a GIVEN action (behavioural cloning): the action is clipped to ±<see cref="ActionClip"/>
/// (1 − 1e-6) before u = atanh(a), so an expert action of exactly ±1 gives a finite u (≈ ±7.25) and a finite,
/// if large, log-likelihood; the clipped action is also used in the log-Jacobian term. Math is in double.
/// </summary>
public static class TanhGaussian
{
    /// <summary>Lower log-std bound (pytorch_sac, CleanRL SAC).</summary>
    public const float DefaultLogStdMin = -5f;

    /// <summary>Upper log-std bound (pytorch_sac, CleanRL SAC).</summary>
    public const float DefaultLogStdMax = 2f;

    /// <summary>Given actions are clipped to ±(1 − 1e-6) before atanh (keeps BC NLL finite at saturated actions).</summary>
    public const double ActionClip = 1.0 - 1e-6;

    private static readonly double HalfLog2Pi = 0.5 * Math.Log(2 * Math.PI);
    private static readonly double Log2 = Math.Log(2);

    /// <summary>Rows in a head of this length; throws when the shape is wrong.</summary>
    public static int BatchOf(ReadOnlySpan<float> head, int actionDim)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(actionDim);
        if (head.Length == 0 || head.Length % (2 * actionDim) != 0)
            throw new ArgumentException($"head length {head.Length} is not a positive multiple of 2×{actionDim}", nameof(head));
        return head.Length / (2 * actionDim);
    }

    /// <summary>log σ from the raw head value ρ.</summary>
    public static float LogStd(float raw, float logStdMin = DefaultLogStdMin, float logStdMax = DefaultLogStdMax) =>
        (float)(logStdMin + 0.5 * (logStdMax - logStdMin) * (Math.Tanh(raw) + 1.0));

    /// <summary>log(1 − tanh² u) = 2(log 2 − u − softplus(−2u)), finite for all finite u.</summary>
    public static double LogOneMinusTanhSquared(double u) => 2.0 * (Log2 - u - Softplus(-2.0 * u));

    /// <summary>Deterministic (evaluation) action tanh(μ) [batch × d].</summary>
    public static void Deterministic(ReadOnlySpan<float> head, int actionDim, Span<float> action)
    {
        int batch = BatchOf(head, actionDim);
        CheckLength(action.Length, batch * actionDim, nameof(action));
        for (int r = 0; r < batch; r++)
            for (int j = 0; j < actionDim; j++)
                action[r * actionDim + j] = MathF.Tanh(head[r * 2 * actionDim + j]);
    }

    /// <summary>Draws ε ~ N(0, I) into <paramref name="noise"/> [batch × d], then <see cref="SampleFromNoise"/>.</summary>
    public static void Sample(ReadOnlySpan<float> head, int actionDim, Rng rng, Span<float> noise, Span<float> action, Span<float> logProb,
        float logStdMin = DefaultLogStdMin, float logStdMax = DefaultLogStdMax)
    {
        ArgumentNullException.ThrowIfNull(rng);
        int batch = BatchOf(head, actionDim);
        CheckLength(noise.Length, batch * actionDim, nameof(noise));
        for (int i = 0; i < noise.Length; i++)
            noise[i] = (float)rng.NextGaussian();
        SampleFromNoise(head, actionDim, noise, action, logProb, logStdMin, logStdMax);
    }

    /// <summary>a = tanh(μ + σε) [batch × d] and log π(a) per row [batch] for the given noise.</summary>
    public static void SampleFromNoise(ReadOnlySpan<float> head, int actionDim, ReadOnlySpan<float> noise, Span<float> action, Span<float> logProb,
        float logStdMin = DefaultLogStdMin, float logStdMax = DefaultLogStdMax)
    {
        int batch = BatchOf(head, actionDim);
        CheckLength(noise.Length, batch * actionDim, nameof(noise));
        CheckLength(action.Length, batch * actionDim, nameof(action));
        CheckLength(logProb.Length, batch, nameof(logProb));
        for (int r = 0; r < batch; r++)
        {
            double lp = 0;
            for (int j = 0; j < actionDim; j++)
            {
                double mu = head[r * 2 * actionDim + j];
                double logStd = LogStd(head[r * 2 * actionDim + actionDim + j], logStdMin, logStdMax);
                double eps = noise[r * actionDim + j];
                double u = mu + Math.Exp(logStd) * eps;
                action[r * actionDim + j] = (float)Math.Tanh(u);
                lp += -0.5 * eps * eps - logStd - HalfLog2Pi - LogOneMinusTanhSquared(u);
            }
            logProb[r] = (float)lp;
        }
    }

    /// <summary>
    /// Backward of the reparameterised sample. Given g_a = ∂L/∂a [batch × d] (may be empty = 0) and
    /// g_ℓ = ∂L/∂log π [batch] (may be empty = 0), writes ∂L/∂head [batch × 2d]:
    ///   ∂a/∂μ = 1 − a²,  ∂a/∂log σ = (1 − a²) σ ε,
    ///   ∂log π/∂μ = 2a   (from −∂/∂u log(1 − tanh² u) = 2 tanh u; ε is fixed),
    ///   ∂log π/∂log σ = −1 + 2a σ ε,
    ///   ∂log σ/∂ρ = ½(max − min)(1 − tanh² ρ).
    /// </summary>
    public static void SampleBackward(ReadOnlySpan<float> head, int actionDim, ReadOnlySpan<float> noise,
        ReadOnlySpan<float> actionGrad, ReadOnlySpan<float> logProbGrad, Span<float> headGrad,
        float logStdMin = DefaultLogStdMin, float logStdMax = DefaultLogStdMax)
    {
        int batch = BatchOf(head, actionDim);
        CheckLength(noise.Length, batch * actionDim, nameof(noise));
        if (!actionGrad.IsEmpty)
            CheckLength(actionGrad.Length, batch * actionDim, nameof(actionGrad));
        if (!logProbGrad.IsEmpty)
            CheckLength(logProbGrad.Length, batch, nameof(logProbGrad));
        CheckLength(headGrad.Length, head.Length, nameof(headGrad));
        double halfRange = 0.5 * (logStdMax - logStdMin);
        for (int r = 0; r < batch; r++)
        {
            double gl = logProbGrad.IsEmpty ? 0 : logProbGrad[r];
            for (int j = 0; j < actionDim; j++)
            {
                int iMu = r * 2 * actionDim + j, iRho = iMu + actionDim, iA = r * actionDim + j;
                double ga = actionGrad.IsEmpty ? 0 : actionGrad[iA];
                double mu = head[iMu];
                double tanhRho = Math.Tanh(head[iRho]);
                double logStd = logStdMin + halfRange * (tanhRho + 1.0);
                double sigmaEps = Math.Exp(logStd) * noise[iA];
                double u = mu + sigmaEps;
                double a = Math.Tanh(u);
                double dadu = Math.Exp(LogOneMinusTanhSquared(u)); // 1 − a², accurate when saturated
                double dMu = ga * dadu + gl * 2.0 * a;
                double dLogStd = ga * dadu * sigmaEps + gl * (2.0 * a * sigmaEps - 1.0);
                headGrad[iMu] = (float)dMu;
                headGrad[iRho] = (float)(dLogStd * halfRange * (1.0 - tanhRho * tanhRho));
            }
        }
    }

    /// <summary>
    /// log π(a|s) per row [batch] of given actions [batch × d] in [−1, 1], clipped to ±<see cref="ActionClip"/>.
    /// </summary>
    public static void LogProb(ReadOnlySpan<float> head, int actionDim, ReadOnlySpan<float> actions, Span<float> logProb,
        float logStdMin = DefaultLogStdMin, float logStdMax = DefaultLogStdMax)
    {
        int batch = BatchOf(head, actionDim);
        CheckLength(actions.Length, batch * actionDim, nameof(actions));
        CheckLength(logProb.Length, batch, nameof(logProb));
        for (int r = 0; r < batch; r++)
        {
            double lp = 0;
            for (int j = 0; j < actionDim; j++)
            {
                double mu = head[r * 2 * actionDim + j];
                double logStd = LogStd(head[r * 2 * actionDim + actionDim + j], logStdMin, logStdMax);
                double a = Math.Clamp((double)actions[r * actionDim + j], -ActionClip, ActionClip);
                double eps = (Math.Atanh(a) - mu) * Math.Exp(-logStd);
                lp += -0.5 * eps * eps - logStd - HalfLog2Pi - Math.Log((1.0 - a) * (1.0 + a));
            }
            logProb[r] = (float)lp;
        }
    }

    /// <summary>
    /// Backward of <see cref="LogProb"/>: writes ∂L/∂head given g = ∂L/∂log π [batch]. With ε = (atanh a − μ)/σ:
    /// ∂log π/∂μ = ε/σ, ∂log π/∂log σ = ε² − 1 (the Jacobian term does not depend on the head).
    /// </summary>
    public static void LogProbBackward(ReadOnlySpan<float> head, int actionDim, ReadOnlySpan<float> actions, ReadOnlySpan<float> logProbGrad,
        Span<float> headGrad, float logStdMin = DefaultLogStdMin, float logStdMax = DefaultLogStdMax)
    {
        int batch = BatchOf(head, actionDim);
        CheckLength(actions.Length, batch * actionDim, nameof(actions));
        CheckLength(logProbGrad.Length, batch, nameof(logProbGrad));
        CheckLength(headGrad.Length, head.Length, nameof(headGrad));
        double halfRange = 0.5 * (logStdMax - logStdMin);
        for (int r = 0; r < batch; r++)
        {
            double g = logProbGrad[r];
            for (int j = 0; j < actionDim; j++)
            {
                int iMu = r * 2 * actionDim + j, iRho = iMu + actionDim;
                double tanhRho = Math.Tanh(head[iRho]);
                double logStd = logStdMin + halfRange * (tanhRho + 1.0);
                double invSigma = Math.Exp(-logStd);
                double a = Math.Clamp((double)actions[r * actionDim + j], -ActionClip, ActionClip);
                double eps = (Math.Atanh(a) - head[iMu]) * invSigma;
                headGrad[iMu] = (float)(g * eps * invSigma);
                headGrad[iRho] = (float)(g * (eps * eps - 1.0) * halfRange * (1.0 - tanhRho * tanhRho));
            }
        }
    }

    private static double Softplus(double x) => Math.Max(x, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(x)));

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected)
            throw new ArgumentException($"length {actual} != expected {expected}", name);
    }
}
