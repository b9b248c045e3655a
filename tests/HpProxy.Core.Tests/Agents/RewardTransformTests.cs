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

    [Fact]
    public void Each_transform_records_its_termination_bias()
    {
        Assert.Equal("survival", RewardTransform.Gail.Bias);
        Assert.Equal("termination", RewardTransform.LogD.Bias);
        Assert.Equal("none", RewardTransform.Airl.Bias);
        Assert.Equal(["gail", "log_d", "airl", "fairl"], RewardTransform.Names);
        Assert.Same(RewardTransform.Airl, RewardTransform.Parse("airl"));
        Assert.Throws<ArgumentException>(() => RewardTransform.Parse("gial"));
    }

    private static void AssertClose(double expected, double actual)
    {
        double tolerance = 1e-12 * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected:R}, got {actual:R}");
    }
}
