using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Tests.Nn;

public class TanhGaussianTests
{
    private const int Dim = 3;
    private const int Batch = 4;

    [Fact]
    public void Log_prob_matches_change_of_variables_formula()
    {
        // d = 1: μ = 0.3, ρ = 0 ⇒ log σ = −5 + 3.5·1 = −1.5; a = tanh(0.5):
        // log π = log N(0.5; 0.3, σ) − log(1 − a²).
        float[] head = [0.3f, 0f];
        double a = Math.Tanh(0.5);
        double sigma = Math.Exp(-1.5);
        double expected = -0.5 * Math.Pow((0.5 - 0.3) / sigma, 2) - Math.Log(sigma) - 0.5 * Math.Log(2 * Math.PI) - Math.Log(1 - a * a);
        var lp = new float[1];
        TanhGaussian.LogProb(head, 1, [(float)a], lp);
        Assert.Equal(expected, lp[0], 3);
    }

    [Fact]
    public void Sampled_log_prob_equals_log_prob_of_the_sampled_action()
    {
        var rng = new Rng(4);
        var head = NnTestData.Uniform(rng, Batch * 2 * Dim);
        var noise = new float[Batch * Dim];
        var action = new float[Batch * Dim];
        var lp = new float[Batch];
        var lp2 = new float[Batch];
        TanhGaussian.Sample(head, Dim, rng, noise, action, lp);
        TanhGaussian.LogProb(head, Dim, action, lp2);
        for (int r = 0; r < Batch; r++)
            Assert.Equal(lp[r], lp2[r], 1e-2f);
    }

    [Fact]
    public void Log_prob_is_finite_at_saturated_actions()
    {
        float[] head = [0f, 0f, 5f, 0f, 0f, -5f];
        var lp = new float[1];
        TanhGaussian.LogProb(head, Dim, [1f, -1f, 1f], lp);
        Assert.True(float.IsFinite(lp[0]), $"log-prob {lp[0]}");
        var g = new float[head.Length];
        TanhGaussian.LogProbBackward(head, Dim, [1f, -1f, 1f], [1f], g);
        Assert.All(g, v => Assert.True(float.IsFinite(v)));

        // Sampling far into saturation: the stable log(1 − tanh²) keeps it finite where 1 − a² rounds to 0.
        var noise = new float[] { 20f, -20f, 0f };
        var action = new float[Dim];
        TanhGaussian.SampleFromNoise(head, Dim, noise, action, lp);
        Assert.True(float.IsFinite(lp[0]));
        TanhGaussian.SampleBackward(head, Dim, noise, [1f, 1f, 1f], [1f], g);
        Assert.All(g, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Sample_backward_matches_finite_differences()
    {
        var rng = new Rng(12);
        var head = NnTestData.Uniform(rng, Batch * 2 * Dim);
        var noise = NnTestData.Uniform(rng, Batch * Dim, -2, 2);
        var wa = NnTestData.Uniform(rng, Batch * Dim);
        var wl = NnTestData.Uniform(rng, Batch);
        var action = new float[Batch * Dim];
        var lp = new float[Batch];
        double Loss()
        {
            TanhGaussian.SampleFromNoise(head, Dim, noise, action, lp);
            return NnTestData.WeightedSum(action, wa) + NnTestData.WeightedSum(lp, wl);
        }
        var g = new float[head.Length];
        TanhGaussian.SampleBackward(head, Dim, noise, wa, wl, g);
        GradientCheck.AssertClose(g, GradientCheck.Numeric(head, Loss), 1e-2, "sample");
    }

    [Fact]
    public void Log_prob_backward_matches_finite_differences()
    {
        var rng = new Rng(13);
        var head = NnTestData.Uniform(rng, Batch * 2 * Dim);
        var actions = NnTestData.Uniform(rng, Batch * Dim, -0.95, 0.95);
        var wl = NnTestData.Uniform(rng, Batch);
        var lp = new float[Batch];
        double Loss()
        {
            TanhGaussian.LogProb(head, Dim, actions, lp);
            return NnTestData.WeightedSum(lp, wl);
        }
        var g = new float[head.Length];
        TanhGaussian.LogProbBackward(head, Dim, actions, wl, g);
        GradientCheck.AssertClose(g, GradientCheck.Numeric(head, Loss), 1e-2, "log-prob");
    }

    [Fact]
    public void Deterministic_action_is_tanh_of_mean()
    {
        float[] head = [0.5f, -1f, 9f, 9f];
        var a = new float[2];
        TanhGaussian.Deterministic(head, 2, a);
        Assert.Equal(MathF.Tanh(0.5f), a[0]);
        Assert.Equal(MathF.Tanh(-1f), a[1]);
    }

    [Fact]
    public void Log_std_is_bounded()
    {
        Assert.Equal(TanhGaussian.DefaultLogStdMax, TanhGaussian.LogStd(100f), 5);
        Assert.Equal(TanhGaussian.DefaultLogStdMin, TanhGaussian.LogStd(-100f), 5);
    }
}
