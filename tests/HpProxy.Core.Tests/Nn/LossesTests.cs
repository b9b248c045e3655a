using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Tests.Nn;

public class LossesTests
{
    [Fact]
    public void Mean_squared_error_is_the_mean_over_all_elements()
    {
        float[] p = [1f, 2f, 3f, 4f];
        float[] t = [0f, 2f, 5f, 4f];
        var g = new float[4];
        float loss = Losses.MeanSquaredError(p, t, g, batch: 2);
        Assert.Equal((1f + 0f + 4f + 0f) / 4f, loss, 6);
        Assert.Equal([0.5f, 0f, -1f, 0f], g);
    }

    [Fact]
    public void Binary_cross_entropy_known_values_and_stability()
    {
        float[] logits = [0f, 0f, 100f, -100f, 2f];
        float[] labels = [1f, 0f, 1f, 1f, 0.25f];
        var g = new float[5];
        float loss = Losses.BinaryCrossEntropyWithLogits(logits, labels, g);
        // ln2, ln2, ~0, 100 (softplus(-100) − 0 = … = 100), softplus(2) − 0.5
        double expected = (Math.Log(2) + Math.Log(2) + 0 + 100 + (Math.Log(1 + Math.Exp(2)) - 0.5)) / 5;
        Assert.Equal(expected, loss, 4);
        Assert.Equal(-0.5f / 5f, g[0], 6);
        Assert.Equal(0.5f / 5f, g[1], 6);
        Assert.Equal(-1f / 5f, g[3], 6);
        Assert.All(g, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Scalar_helpers_are_stable()
    {
        Assert.Equal(1000f, Losses.Softplus(1000f));
        Assert.Equal(0f, Losses.Softplus(-1000f));
        Assert.Equal(Math.Log(2), Losses.Softplus(0f), 6);
        Assert.Equal(-1000f, Losses.LogSigmoid(-1000f));
        Assert.Equal(Math.Log(1 / (1 + Math.Exp(-1.5))), Losses.LogSigmoid(1.5f), 6);
        Assert.Equal(0f, Losses.Sigmoid(-1000f));
        Assert.Equal(1f, Losses.Sigmoid(1000f));
        Assert.Equal(0.5f, Losses.Sigmoid(0f));
    }

    [Fact]
    public void Loss_gradients_match_finite_differences()
    {
        var rng = new Rng(8);
        var p = NnTestData.Uniform(rng, 12, -3, 3);
        var t = NnTestData.Uniform(rng, 12, 0, 1);
        var g = new float[12];
        var scratch = new float[12];

        Losses.MeanSquaredError(p, t, g, 3);
        GradientCheck.AssertClose(g, GradientCheck.Numeric(p, () => Losses.MeanSquaredError(p, t, scratch, 3)), 1e-2, "mse");
        Losses.BinaryCrossEntropyWithLogits(p, t, g);
        GradientCheck.AssertClose(g, GradientCheck.Numeric(p, () => Losses.BinaryCrossEntropyWithLogits(p, t, scratch)), 1e-2, "bce");
    }

    [Fact]
    public void Shape_mismatch_throws()
    {
        Assert.Throws<ArgumentException>(() => Losses.MeanSquaredError(new float[4], new float[3], new float[4], 2));
        Assert.Throws<ArgumentException>(() => Losses.MeanSquaredError(new float[4], new float[4], new float[4], 3));
        Assert.Throws<ArgumentException>(() => Losses.BinaryCrossEntropyWithLogits(new float[4], new float[4], new float[2]));
    }
}
