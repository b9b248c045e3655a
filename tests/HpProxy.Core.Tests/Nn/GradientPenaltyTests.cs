using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Tests.Nn;

/// <summary>The gradient penalty's value and its parameter gradients (double backprop) against finite differences.</summary>
public class GradientPenaltyTests
{
    private const int Batch = 5;
    private const float Coefficient = 10f;

    public static TheoryData<Activation> AllActivations() => [.. Enum.GetValues<Activation>()];

    [Theory]
    [MemberData(nameof(AllActivations))]
    public void Parameter_gradients_match_finite_differences(Activation activation) => Check(activation, new MlpOptions());

    [Theory]
    [MemberData(nameof(AllActivations))]
    public void Parameter_gradients_with_layer_norm_match_finite_differences(Activation activation) =>
        Check(activation, new MlpOptions { LayerNorm = true });

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Relu)]
    public void Parameter_gradients_with_spectral_norm_match_finite_differences(Activation activation) =>
        Check(activation, new MlpOptions { SpectralNorm = true });

    [Fact]
    public void Multiple_outputs_penalise_the_gradient_of_their_sum() =>
        Check(Activation.Swish, new MlpOptions { LayerNorm = true }, outputs: 3);

    [Fact]
    public void Linear_model_has_the_closed_form_penalty()
    {
        // f(x) = w·x + b ⇒ g = w for every row, loss = c(‖w‖ − t)², ∂loss/∂w = 2c(‖w‖ − t) w/‖w‖, ∂loss/∂b = 0.
        var mlp = new Mlp(2, [], 1, Activation.Relu, new Rng(1));
        mlp.Parameters[0].Value[0] = 3f;
        mlp.Parameters[0].Value[1] = 4f;
        var x = NnTestData.Uniform(new Rng(2), Batch * 2);
        mlp.ZeroGrad();
        float loss = mlp.GradientPenalty(x, Batch, coefficient: 2f, target: 1f);
        Assert.Equal(2f * 16f, loss, 1e-4f);
        Assert.Equal(2f * 2f * 4f * 3f / 5f, mlp.Parameters[0].Grad[0], 1e-4f);
        Assert.Equal(2f * 2f * 4f * 4f / 5f, mlp.Parameters[0].Grad[1], 1e-4f);
        Assert.Equal(0f, mlp.Parameters[1].Grad[0]);
    }

    [Fact]
    public void Penalty_does_not_disturb_the_pending_backward()
    {
        var rng = new Rng(5);
        var a = new Mlp(3, [6], 1, Activation.Tanh, new Rng(9));
        var b = new Mlp(3, [6], 1, Activation.Tanh, new Rng(9));
        var x = NnTestData.Uniform(rng, Batch * 3);
        var other = NnTestData.Uniform(rng, Batch * 3);
        var dy = NnTestData.Uniform(rng, Batch);
        a.Forward(x, Batch);
        a.Backward(dy);
        b.Forward(x, Batch);
        b.GradientPenalty(other, Batch, 1f);
        b.ZeroGrad();
        b.Backward(dy);
        for (int i = 0; i < a.Parameters.Count; i++)
            Assert.Equal(a.Parameters[i].Grad, b.Parameters[i].Grad);
    }

    private static void Check(Activation activation, MlpOptions options, int outputs = 1)
    {
        var rng = new Rng(17);
        var mlp = new Mlp(3, [6, 5], outputs, activation, rng, options);
        // Inputs spread enough that the penalty is not at its minimum.
        var x = NnTestData.Uniform(rng, Batch * 3, -2, 2);
        if (options.SpectralNorm)
            mlp.Forward(x, Batch, training: true); // one power iteration; u, v then stay fixed

        mlp.ZeroGrad();
        float value = mlp.GradientPenalty(x, Batch, Coefficient);
        Assert.True(value > 1e-3f, $"penalty {value} too small for a meaningful check");
        var analytic = mlp.Parameters.Select(p => (float[])p.Grad.Clone()).ToArray();

        double Loss() => mlp.GradientPenalty(x, Batch, Coefficient);
        float h = activation is Activation.Relu or Activation.LeakyRelu or Activation.Identity ? 1e-3f : 1e-2f;
        bool piecewiseLinear = activation is Activation.Relu or Activation.LeakyRelu or Activation.Identity;
        for (int i = 0; i < analytic.Length; i++)
        {
            var p = mlp.Parameters[i];
            // With piecewise-linear activations and no layer norm the input gradient does not depend on biases.
            bool mayBeZero = p.Name.EndsWith(".bias", StringComparison.Ordinal) && (piecewiseLinear || i == mlp.Parameters.Count - 1 || p.Name.StartsWith("layer2", StringComparison.Ordinal))
                || p.Name.EndsWith(".norm.shift", StringComparison.Ordinal) && piecewiseLinear;
            GradientCheck.AssertClose(analytic[i], GradientCheck.Numeric(p.Value, Loss, h), 2e-2, $"{activation} {p.Name}", requireNonZero: !mayBeZero);
        }
    }
}
