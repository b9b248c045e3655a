using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Tests.Nn;

/// <summary>Backward (parameter and input gradients) against central finite differences.</summary>
public class MlpGradientTests
{
    private const int Batch = 4;

    /// <summary>Relative L2 error allowed; float finite differences reach ~1e-3, real bugs give O(0.1–1).</summary>
    private const double Tolerance = 1e-2;

    public static TheoryData<Activation> AllActivations() => [.. Enum.GetValues<Activation>()];

    [Theory]
    [MemberData(nameof(AllActivations))]
    public void Backward_matches_finite_differences(Activation activation) => Check(activation, new MlpOptions(), training: false);

    [Theory]
    [MemberData(nameof(AllActivations))]
    public void Backward_with_layer_norm_matches_finite_differences(Activation activation) =>
        Check(activation, new MlpOptions { LayerNorm = true }, training: false);

    [Fact]
    public void Backward_with_dropout_matches_finite_differences() =>
        Check(Activation.Tanh, new MlpOptions { InputDropout = 0.2f, HiddenDropout = 0.3f }, training: true);

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Relu)]
    public void Backward_with_spectral_norm_matches_finite_differences(Activation activation) =>
        Check(activation, new MlpOptions { SpectralNorm = true, OutputInitScale = 0.5f }, training: true);

    [Fact]
    public void Backward_accumulates_gradients()
    {
        var rng = new Rng(3);
        var mlp = new Mlp(3, [4], 2, Activation.Tanh, rng);
        var x = NnTestData.Uniform(rng, Batch * 3);
        var w = NnTestData.Uniform(rng, Batch * 2);
        mlp.Forward(x, Batch);
        mlp.Backward(w);
        var once = mlp.Parameters.Select(p => (float[])p.Grad.Clone()).ToArray();
        mlp.Forward(x, Batch);
        mlp.Backward(w);
        for (int i = 0; i < once.Length; i++)
            for (int j = 0; j < once[i].Length; j++)
                Assert.Equal(2 * once[i][j], mlp.Parameters[i].Grad[j], 1e-5f);
        mlp.ZeroGrad();
        Assert.All(mlp.Parameters, p => Assert.All(p.Grad, g => Assert.Equal(0f, g)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Backward_input_gives_the_input_gradient_and_leaves_parameters_alone(bool layerNormAndDropout)
    {
        var options = layerNormAndDropout ? new MlpOptions { LayerNorm = true, InputDropout = 0.2f, HiddenDropout = 0.2f } : new MlpOptions();
        var rng = new Rng(21);
        var mlp = new Mlp(3, [5, 4], 2, Activation.Elu, rng, options);
        var x = NnTestData.Uniform(rng, Batch * 3);
        var w = NnTestData.Uniform(rng, Batch * 2);
        var viaBackward = new float[x.Length];
        var viaInput = new float[x.Length];
        mlp.Forward(x, Batch, training: true, new Rng(3));
        mlp.Backward(w, viaBackward);
        var grads = mlp.Parameters.Select(p => (float[])p.Grad.Clone()).ToArray();
        mlp.BackwardInput(w, viaInput);
        Assert.Equal(viaBackward, viaInput);
        for (int i = 0; i < grads.Length; i++)
            Assert.Equal(grads[i], mlp.Parameters[i].Grad);
    }

    /// <summary>
    /// loss = Σ w ⊙ f(x); analytic gradients from Backward(w) against finite differences of every parameter and input.
    /// Training-mode checks (dropout, spectral norm) draw the analytic pass in training mode and the finite differences
    /// with the same dropout masks (a fresh Rng of the same seed) and, for spectral norm, without further power
    /// iterations, so both see the same function (u, v are constants in backprop, as in Miyato et al.).
    /// </summary>
    private static void Check(Activation activation, MlpOptions options, bool training)
    {
        var rng = new Rng(42);
        var mlp = new Mlp(3, [5, 4], 2, activation, rng, options);
        var x = NnTestData.Uniform(rng, Batch * 3);
        var w = NnTestData.Uniform(rng, Batch * 2);
        bool hasDropout = options.InputDropout > 0 || options.HiddenDropout > 0;

        mlp.ZeroGrad();
        mlp.Forward(x, Batch, training, training ? new Rng(11) : null);
        var inputGrad = new float[x.Length];
        mlp.Backward(w, inputGrad);

        // Piecewise-linear activations: a small step so that no pre-activation crosses its kink.
        float h = activation is Activation.Relu or Activation.LeakyRelu ? 1e-3f : 1e-2f;
        double Loss() => NnTestData.WeightedSum(mlp.Forward(x, Batch, training && hasDropout, hasDropout ? new Rng(11) : null), w);
        foreach (var p in mlp.Parameters)
            GradientCheck.AssertClose(p.Grad, GradientCheck.Numeric(p.Value, Loss, h), Tolerance, $"{activation} {p.Name}");
        GradientCheck.AssertClose(inputGrad, GradientCheck.Numeric(x, Loss, h), Tolerance, $"{activation} input");
    }
}
