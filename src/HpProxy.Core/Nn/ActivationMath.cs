using System.Numerics.Tensors;

namespace HpProxy.Core.Nn;

/// <summary>
/// Elementwise activation f, its first derivative f' (for backprop) and second derivative f'' (for the
/// double backprop of the gradient penalty). Derivatives take both the pre-activation z and the output y = f(z)
/// because some are cheapest from y (tanh: 1 − y², sigmoid: y(1 − y)).
/// </summary>
internal static class ActivationMath
{
    /// <summary>Negative slope of <see cref="Activation.LeakyRelu"/> (PyTorch nn.LeakyReLU default).</summary>
    public const float LeakySlope = 0.01f;

    public static void Forward(Activation activation, ReadOnlySpan<float> z, Span<float> y)
    {
        switch (activation)
        {
            case Activation.Identity:
                z.CopyTo(y);
                break;
            case Activation.Relu:
                TensorPrimitives.Max(z, 0f, y);
                break;
            case Activation.Tanh:
                TensorPrimitives.Tanh(z, y);
                break;
            case Activation.Sigmoid:
                TensorPrimitives.Sigmoid(z, y);
                break;
            case Activation.Swish:
                TensorPrimitives.Sigmoid(z, y);
                TensorPrimitives.Multiply(y, z, y);
                break;
            case Activation.Elu:
                for (int i = 0; i < z.Length; i++)
                {
                    float v = z[i];
                    y[i] = v > 0f ? v : MathF.Exp(v) - 1f;
                }
                break;
            case Activation.LeakyRelu:
                for (int i = 0; i < z.Length; i++)
                {
                    float v = z[i];
                    y[i] = v > 0f ? v : LeakySlope * v;
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, null);
        }
    }

    /// <summary>dz = f'(z) ⊙ dy. <paramref name="dz"/> may alias <paramref name="dy"/>.</summary>
    public static void Backward(Activation activation, ReadOnlySpan<float> z, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dz)
    {
        switch (activation)
        {
            case Activation.Identity:
                dy.CopyTo(dz);
                break;
            case Activation.Relu:
                for (int i = 0; i < dy.Length; i++)
                    dz[i] = z[i] > 0f ? dy[i] : 0f;
                break;
            case Activation.Tanh:
                for (int i = 0; i < dy.Length; i++)
                    dz[i] = dy[i] * (1f - y[i] * y[i]);
                break;
            case Activation.Sigmoid:
                for (int i = 0; i < dy.Length; i++)
                    dz[i] = dy[i] * y[i] * (1f - y[i]);
                break;
            default:
                for (int i = 0; i < dy.Length; i++)
                    dz[i] = dy[i] * Derivative(activation, z[i], y[i]);
                break;
        }
    }

    /// <summary>f'(z), given y = f(z).</summary>
    public static float Derivative(Activation activation, float z, float y) => activation switch
    {
        Activation.Identity => 1f,
        Activation.Relu => z > 0f ? 1f : 0f,
        Activation.Tanh => 1f - y * y,
        Activation.Sigmoid => y * (1f - y),
        // ELU: f = e^z − 1 for z ≤ 0, so f' = e^z = y + 1.
        Activation.Elu => z > 0f ? 1f : y + 1f,
        Activation.LeakyRelu => z > 0f ? 1f : LeakySlope,
        // Swish: f = zσ, f' = σ + zσ(1 − σ) = σ(1 + z(1 − σ)).
        Activation.Swish => SwishDerivative(z),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, null),
    };

    /// <summary>f''(z), given y = f(z). Piecewise-linear activations have f'' = 0 (almost everywhere).</summary>
    public static float SecondDerivative(Activation activation, float z, float y) => activation switch
    {
        Activation.Identity or Activation.Relu or Activation.LeakyRelu => 0f,
        // d/dz (1 − tanh²) = −2 tanh (1 − tanh²).
        Activation.Tanh => -2f * y * (1f - y * y),
        // d/dz σ(1 − σ) = σ(1 − σ)(1 − 2σ).
        Activation.Sigmoid => y * (1f - y) * (1f - 2f * y),
        Activation.Elu => z > 0f ? 0f : y + 1f,
        // d/dz [σ + zσ(1−σ)] = σ(1−σ) + σ(1−σ) + zσ(1−σ)(1−2σ) = σ(1−σ)(2 + z(1 − 2σ)).
        Activation.Swish => SwishSecondDerivative(z),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, null),
    };

    private static float SwishDerivative(float z)
    {
        float s = Losses.Sigmoid(z);
        return s * (1f + z * (1f - s));
    }

    private static float SwishSecondDerivative(float z)
    {
        float s = Losses.Sigmoid(z);
        return s * (1f - s) * (2f + z * (1f - 2f * s));
    }
}
