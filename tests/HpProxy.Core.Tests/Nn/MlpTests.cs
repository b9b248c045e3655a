using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Tests.Nn;

public class MlpTests
{
    [Fact]
    public void Option_defaults_are_pinned()
    {
        var o = new MlpOptions();
        Assert.Equal(0f, o.InputDropout);
        Assert.Equal(0f, o.HiddenDropout);
        Assert.False(o.LayerNorm);
        Assert.False(o.SpectralNorm);
        Assert.Equal(1f, o.OutputInitScale);
    }

    [Fact]
    public void Shapes_names_and_init_bounds()
    {
        var mlp = new Mlp(17, [64, 32], 6, Activation.Relu, new Rng(1), new MlpOptions { LayerNorm = true, OutputInitScale = 1e-3f });
        Assert.Equal(17, mlp.InputSize);
        Assert.Equal(6, mlp.OutputSize);
        Assert.Equal(17 * 64 + 64 + 64 * 32 + 32 + 32 * 6 + 6 + 2 * 64 + 2 * 32, mlp.ParameterCount);
        Assert.Equal(
            ["layer0.weight", "layer0.bias", "layer1.weight", "layer1.bias", "layer2.weight", "layer2.bias",
             "layer0.norm.gain", "layer0.norm.shift", "layer1.norm.gain", "layer1.norm.shift"],
            mlp.Parameters.Select(p => p.Name));
        // PyTorch default: U(±1/√fan_in); output layer additionally scaled by OutputInitScale.
        Assert.All(mlp.Parameters[0].Value, w => Assert.InRange(w, -1f / MathF.Sqrt(17), 1f / MathF.Sqrt(17)));
        Assert.Contains(mlp.Parameters[0].Value, w => MathF.Abs(w) > 0.8f / MathF.Sqrt(17));
        Assert.All(mlp.Parameters[4].Value, w => Assert.InRange(w, -1e-3f / MathF.Sqrt(32), 1e-3f / MathF.Sqrt(32)));
        Assert.All(mlp.Parameters[6].Value, g => Assert.Equal(1f, g));
        Assert.All(mlp.Parameters[7].Value, g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Same_seed_gives_same_weights_and_outputs()
    {
        var a = new Mlp(5, [8, 8], 2, Activation.Tanh, new Rng(99));
        var b = new Mlp(5, [8, 8], 2, Activation.Tanh, new Rng(99));
        var c = new Mlp(5, [8, 8], 2, Activation.Tanh, new Rng(100));
        for (int i = 0; i < a.Parameters.Count; i++)
            Assert.Equal(a.Parameters[i].Value, b.Parameters[i].Value);
        Assert.NotEqual(a.Parameters[0].Value, c.Parameters[0].Value);
        // Options that add state (spectral norm) draw after the weights: the weights do not change.
        var d = new Mlp(5, [8, 8], 2, Activation.Tanh, new Rng(99), new MlpOptions { SpectralNorm = true });
        Assert.Equal(a.Parameters[0].Value, d.Parameters[0].Value);
        var x = NnTestData.Uniform(new Rng(1), 3 * 5);
        Assert.Equal(a.Forward(x, 3).ToArray(), b.Forward(x, 3).ToArray());
    }

    [Fact]
    public void Forward_matches_a_hand_computed_network()
    {
        // 2 → 2 (relu) → 1: W0 = [[1, −1], [2, 0.5]], b0 = [0, −1], W1 = [[3, −2]], b1 = [0.5].
        var mlp = new Mlp(2, [2], 1, Activation.Relu, new Rng(1));
        float[] w0 = [1f, -1f, 2f, 0.5f];
        w0.CopyTo(mlp.Parameters[0].Value, 0);
        mlp.Parameters[1].Value[0] = 0f;
        mlp.Parameters[1].Value[1] = -1f;
        mlp.Parameters[2].Value[0] = 3f;
        mlp.Parameters[2].Value[1] = -2f;
        mlp.Parameters[3].Value[0] = 0.5f;
        // x = (1, 2): z0 = (−1, 2 + 1 − 1 = 2), h = (0, 2), y = −4 + 0.5 = −3.5.
        // x = (3, 1): z0 = (2, 6 + 0.5 − 1 = 5.5), h = (2, 5.5), y = 6 − 11 + 0.5 = −4.5.
        var y = mlp.Forward([1f, 2f, 3f, 1f], 2);
        Assert.Equal(-3.5f, y[0], 5);
        Assert.Equal(-4.5f, y[1], 5);
    }

    [Fact]
    public void Learns_a_tiny_regression()
    {
        var rng = new Rng(2024);
        var mlp = new Mlp(1, [32, 32], 1, Activation.Tanh, rng);
        var adam = new Adam(mlp.Parameters, new AdamOptions { LearningRate = 1e-2f });
        const int n = 64;
        var x = new float[n];
        var t = new float[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = -3f + 6f * i / (n - 1);
            t[i] = MathF.Sin(x[i]);
        }
        var g = new float[n];
        float first = 0, last = 0;
        for (int step = 0; step < 400; step++)
        {
            mlp.ZeroGrad();
            var y = mlp.Forward(x, n, training: true);
            last = Losses.MeanSquaredError(y, t, g, n);
            if (step == 0)
                first = last;
            mlp.Backward(g);
            adam.Step();
        }
        Assert.True(last < first / 10f, $"loss {first} → {last}");
    }

    [Fact]
    public void Spectral_norm_divides_by_the_largest_singular_value()
    {
        var mlp = new Mlp(2, [], 2, Activation.Identity, new Rng(3), new MlpOptions { SpectralNorm = true });
        float[] w = [3f, 0f, 0f, 1f]; // singular values 3 and 1
        w.CopyTo(mlp.Parameters[0].Value, 0);
        Array.Clear(mlp.Parameters[1].Value);
        for (int i = 0; i < 30; i++)
            mlp.Forward([1f, 1f], 1, training: true);
        Assert.Equal(3f, mlp.SpectralSigma(0), 3);
        var y = mlp.Forward([1f, 1f], 1);
        Assert.Equal(1f, y[0], 3);
        Assert.Equal(1f / 3f, y[1], 3);
    }

    [Fact]
    public void Dropout_needs_an_rng_and_is_off_at_evaluation()
    {
        var mlp = new Mlp(4, [16], 1, Activation.Relu, new Rng(5), new MlpOptions { InputDropout = 0.5f, HiddenDropout = 0.5f });
        var x = NnTestData.Uniform(new Rng(6), 8);
        Assert.Throws<ArgumentNullException>(() => mlp.Forward(x, 2, training: true));
        var eval1 = mlp.Forward(x, 2).ToArray();
        var train = mlp.Forward(x, 2, training: true, dropoutRng: new Rng(7)).ToArray();
        var eval2 = mlp.Forward(x, 2).ToArray();
        Assert.Equal(eval1, eval2);
        Assert.NotEqual(eval1, train);
    }

    [Fact]
    public void Copy_and_soft_update()
    {
        var a = new Mlp(3, [4], 2, Activation.Elu, new Rng(1));
        var b = new Mlp(3, [4], 2, Activation.Elu, new Rng(2));
        float a0 = a.Parameters[0].Value[0], b0 = b.Parameters[0].Value[0];
        a.SoftUpdateTo(b, 0.25f);
        Assert.Equal(0.25f * a0 + 0.75f * b0, b.Parameters[0].Value[0], 6);
        a.CopyParametersTo(b);
        for (int i = 0; i < a.Parameters.Count; i++)
            Assert.Equal(a.Parameters[i].Value, b.Parameters[i].Value);
        Assert.Throws<ArgumentException>(() => a.CopyParametersTo(new Mlp(3, [5], 2, Activation.Elu, new Rng(1))));
    }

    [Fact]
    public void Wrong_shapes_throw()
    {
        var mlp = new Mlp(3, [4], 2, Activation.Relu, new Rng(1));
        Assert.Throws<ArgumentException>(() => mlp.Forward(new float[5], 2));
        Assert.Throws<InvalidOperationException>(() => mlp.Backward(new float[4]));
        mlp.Forward(new float[6], 2);
        Assert.Throws<ArgumentException>(() => mlp.Backward(new float[3]));
        Assert.Throws<ArgumentException>(() => mlp.Backward(new float[4], new float[5]));
    }

    [Fact]
    public void Buffers_grow_on_demand_and_smaller_batches_reuse_them()
    {
        var mlp = new Mlp(3, [4], 2, Activation.Relu, new Rng(1));
        Assert.Equal(0, mlp.MaxBatch);
        mlp.Forward(new float[3 * 10], 10);
        Assert.Equal(10, mlp.MaxBatch);
        mlp.Forward(new float[3 * 4], 4);
        Assert.Equal(10, mlp.MaxBatch);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Steady_state_training_step_allocates_nothing(bool allFeatures)
    {
        var options = allFeatures
            ? new MlpOptions { LayerNorm = true, SpectralNorm = true, InputDropout = 0.1f, HiddenDropout = 0.1f }
            : new MlpOptions();
        var rng = new Rng(11);
        var mlp = new Mlp(17, [64, 64], 6, Activation.Relu, rng, options);
        var adam = new Adam(mlp.Parameters, new AdamOptions { WeightDecay = 1e-4f, GradientClipNorm = 1f });
        const int batch = 32;
        var x = NnTestData.Uniform(rng, batch * 17);
        var t = NnTestData.Uniform(rng, batch * 6);
        var g = new float[batch * 6];
        var dx = new float[batch * 17];
        var head = new float[batch * 6];
        var noise = new float[batch * 3];
        var act = new float[batch * 3];
        var lp = new float[batch];

        void Step()
        {
            mlp.ZeroGrad();
            var y = mlp.Forward(x, batch, training: true, dropoutRng: rng);
            Losses.MeanSquaredError(y, t, g, batch);
            y.CopyTo(head);
            mlp.Backward(g, dx);
            mlp.GradientPenalty(x, batch, 10f);
            TanhGaussian.Sample(head, 3, rng, noise, act, lp);
            TanhGaussian.SampleBackward(head, 3, noise, act, lp, g);
            adam.Step();
        }

        for (int i = 0; i < 3; i++)
            Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
            Step();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}
