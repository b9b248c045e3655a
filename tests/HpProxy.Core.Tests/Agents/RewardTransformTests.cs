using HpProxy.Core.Agents.Rewards;
using HpProxy.Core.Tests.Fixtures;

namespace HpProxy.Core.Tests.Agents;

public class RewardTransformTests
{
    [Fact]
    public void Transforms_match_the_scipy_reference_values()
    {
        foreach (var row in AdversarialRewardValues.Rows)
        {
            double l = row[0];
            AssertClose(row[1], RewardTransform.Gail.Apply(l));
            AssertClose(row[2], RewardTransform.LogD.Apply(l));
            AssertClose(row[3], RewardTransform.Airl.Apply(l));
            AssertClose(row[4], RewardTransform.Fairl.Apply(l));
            // The discriminator's BCE with logits: label 1 → softplus(−ℓ), label 0 → softplus(ℓ).
            AssertClose(row[5], RewardTransform.Softplus(-l));
            AssertClose(row[6], RewardTransform.Softplus(l));
        }
    }

    [Fact]
    public void Fairl_clips_the_logit_before_exponentiating()
    {
        Assert.Equal(RewardTransform.Fairl.Apply(20), RewardTransform.Fairl.Apply(500));
        Assert.True(double.IsFinite(RewardTransform.Fairl.Apply(1e6)));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(-1.0, 0.36787944117144233)] // e^-1
    [InlineData(0.69314718055994529, 2.0)] // ln 2: D = 2/3, ratio D/(1 - D) = 2
    [InlineData(3.0, 20.085536923187668)] // e^3
    [InlineData(-30.0, 9.3576229688401746e-14)] // e^-30: not clipped below
    [InlineData(25.0, 485165195.40979028)] // capped at e^20
    public void Forward_kl_reward_is_the_density_ratio(double logit, double expected) =>
        AssertClose(expected, RewardTransform.ForwardKl.Apply(logit));

    /// <summary>Why FAIRL's default changed (decision 0008): a per-transition reward must rank more expert-like
    /// transitions (higher ℓ) higher. e^ℓ does everywhere; the published −ℓe^ℓ only below ℓ = −1, its maximum.</summary>
    [Fact]
    public void Forward_kl_reward_rises_with_the_logit_where_the_published_fairl_reward_falls()
    {
        for (double l = -10; l < 10; l += 0.25)
            Assert.True(RewardTransform.ForwardKl.Apply(l + 0.25) > RewardTransform.ForwardKl.Apply(l), $"fkl at {l}");
        AssertClose(Math.Exp(-1), RewardTransform.Fairl.Apply(-1));
        Assert.True(RewardTransform.Fairl.Apply(-2) < RewardTransform.Fairl.Apply(-1));
        Assert.True(RewardTransform.Fairl.Apply(0) < RewardTransform.Fairl.Apply(-1));
        AssertClose(-5 * Math.Exp(5), RewardTransform.Fairl.Apply(5)); // a confident expert logit: −742
    }

    [Fact]
    public void Each_transform_records_its_termination_bias()
    {
        Assert.Equal("survival", RewardTransform.Gail.Bias);
        Assert.Equal("termination", RewardTransform.LogD.Bias);
        Assert.Equal("none", RewardTransform.Airl.Bias);
        Assert.Equal("survival", RewardTransform.ForwardKl.Bias);
        Assert.Equal(["gail", "log_d", "airl", "fairl", "fkl"], RewardTransform.Names);
        Assert.Same(RewardTransform.Airl, RewardTransform.Parse("airl"));
        Assert.Throws<ArgumentException>(() => RewardTransform.Parse("gial"));
    }

    private static void AssertClose(double expected, double actual)
    {
        double tolerance = 1e-12 * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected:R}, got {actual:R}");
    }
}
