using HpProxy.Core.Nn;

namespace HpProxy.Core.Tests.Nn;

public class AdamTests
{
    [Fact]
    public void Defaults_are_pinned()
    {
        var o = new AdamOptions();
        Assert.Equal(1e-3f, o.LearningRate);
        Assert.Equal(0.9f, o.Beta1);
        Assert.Equal(0.999f, o.Beta2);
        Assert.Equal(1e-8f, o.Epsilon);
        Assert.Equal(0f, o.WeightDecay);
        Assert.Equal(0f, o.GradientClipNorm);
    }

    [Fact]
    public void Two_steps_match_hand_computation()
    {
        // Hand computation (Kingma & Ba Algorithm 1, lr 0.1):
        // step 1: m̂ = g, v̂ = g² ⇒ θ −= 0.1·sign(g): [1, −2] → [0.9, −1.9].
        // step 2, first entry, g = 0.1: m = 0.9·0.05 + 0.1·0.1 = 0.055, m̂ = 0.055/0.19 = 0.289474;
        //   v = 0.999·0.00025 + 0.001·0.01 = 0.00025975, v̂ = v/0.001999 = 0.129940, √v̂ = 0.360471;
        //   θ = 0.9 − 0.1·0.289474/0.360471 = 0.819696. Second entry likewise → −1.857215.
        var p = new Parameter("theta", 2);
        p.Value[0] = 1f;
        p.Value[1] = -2f;
        var adam = new Adam([p], new AdamOptions { LearningRate = 0.1f });
        p.Grad[0] = 0.5f;
        p.Grad[1] = -1f;
        adam.Step();
        Assert.Equal(0.9f, p.Value[0], 5);
        Assert.Equal(-1.9f, p.Value[1], 5);
        p.Grad[0] = 0.1f;
        p.Grad[1] = 0.3f;
        adam.Step();
        Assert.Equal(0.819696f, p.Value[0], 5);
        Assert.Equal(-1.857215f, p.Value[1], 5);
        Assert.Equal(2, adam.StepCount);
    }

    [Fact]
    public void Decoupled_weight_decay_shrinks_without_gradient()
    {
        var p = new Parameter("w", 1);
        p.Value[0] = 2f;
        var adam = new Adam([p], new AdamOptions { LearningRate = 0.1f, WeightDecay = 0.5f });
        adam.Step();
        Assert.Equal(2f * (1f - 0.1f * 0.5f), p.Value[0], 6);
    }

    [Fact]
    public void Clipping_scales_the_gradient_used_by_the_update()
    {
        // Step 2 depends on the gradient scale (step 1 does not), so compare two-step trajectories:
        // clipped huge gradients must equal pre-scaled gradients of norm exactly 1.
        var a = new Parameter("a", 2);
        var b = new Parameter("b", 2);
        var clip = new Adam([a], new AdamOptions { LearningRate = 0.1f, GradientClipNorm = 1f });
        var plain = new Adam([b], new AdamOptions { LearningRate = 0.1f });
        float[][] grads = [[30f, 40f], [3f, -4f]];
        foreach (var g in grads)
        {
            float norm = MathF.Sqrt(g[0] * g[0] + g[1] * g[1]);
            g.CopyTo(a.Grad, 0);
            b.Grad[0] = g[0] / norm;
            b.Grad[1] = g[1] / norm;
            clip.Step();
            plain.Step();
        }
        Assert.Equal(b.Value[0], a.Value[0], 5);
        Assert.Equal(b.Value[1], a.Value[1], 5);
        Assert.Equal([3f, -4f], a.Grad); // gradients themselves untouched
    }

    [Fact]
    public void Invalid_options_throw()
    {
        var p = new Parameter("p", 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([p], new AdamOptions { Beta1 = 1f }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([p], new AdamOptions { LearningRate = -1f }));
    }
}
