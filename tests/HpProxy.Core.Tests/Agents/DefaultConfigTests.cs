using HpProxy.Core.Agents;
using HpProxy.Core.Agents.Adversarial;
using HpProxy.Core.Agents.Bc;
using HpProxy.Core.Agents.Online;
using HpProxy.Core.Agents.Pwil;
using HpProxy.Core.Agents.Sac;
using HpProxy.Core.Agents.Sqil;
using HpProxy.Core.Agents.Td3;

namespace HpProxy.Core.Tests.Agents;

/// <summary>Pins every default (a change must be deliberate: update the source comment and this test together).</summary>
public class DefaultConfigTests
{
    [Fact]
    public void Bc_defaults()
    {
        Assert.Equal(new BcConfig
        {
            LearningRate = 1e-3,
            HiddenLayers = 2,
            HiddenUnits = 256,
            Activation = "relu",
            NormalizeObservations = true,
            WeightDecay = 0,
            InputDropout = 0,
            HiddenDropout = 0,
            BatchSize = 256,
            Loss = "mse",
        }, BcAlgorithm.Defaults);
    }

    [Fact]
    public void Backbone_and_loop_defaults()
    {
        Assert.Equal(new SacConfig
        {
            LearningRate = 3e-4,
            HiddenLayers = 2,
            HiddenUnits = 256,
            Discount = 0.99,
            Tau = 0.005,
            InitialTemperature = 1,
            TemperatureLearningRate = 3e-4,
            TargetEntropyScale = 1,
        }, new SacConfig());
        Assert.Equal(new Td3Config
        {
            LearningRate = 3e-4,
            HiddenLayers = 2,
            HiddenUnits = 256,
            Discount = 0.99,
            Tau = 0.005,
            PolicyNoise = 0.2,
            NoiseClip = 0.5,
            PolicyDelay = 2,
            ExplorationNoise = 0.1,
            ActorPreactivationPenalty = 0,
        }, new Td3Config());
        Assert.Equal(new OnlineConfig
        {
            ReplayCapacity = 1_000_000,
            BatchSize = 256,
            WarmupSteps = 1000,
            UpdatesPerStep = 1,
            ExpertMix = 0,
            NormalizeObservations = true,
        }, new OnlineConfig());
        Assert.Equal(0.5, SqilAlgorithm.OnlineDefaults.ExpertMix);
    }

    [Fact]
    public void Names_shared_by_sac_and_td3_have_equal_defaults()
    {
        var sac = SacHyperparameters.Specs(new SacConfig()).ToDictionary(s => s.Name, s => s.Default);
        foreach (var spec in Td3Hyperparameters.Specs(new Td3Config()).Where(s => sac.ContainsKey(s.Name)))
            Assert.Equal(sac[spec.Name], spec.Default);
    }

    [Fact]
    public void Adversarial_presets_are_compositions_of_one_config()
    {
        Assert.Equal(new AdversarialConfig
        {
            RlAlgorithm = "sac",
            DiscriminatorInput = "sa",
            DiscriminatorHiddenLayers = 2,
            DiscriminatorHiddenUnits = 64,
            DiscriminatorLearningRate = 3e-4,
            DiscriminatorBatchSize = 256,
            DiscriminatorInterval = 1,
            GradientPenalty = 0,
            SpectralNorm = false,
            DiscriminatorInputDropout = 0,
            DiscriminatorHiddenDropout = 0,
            DiscriminatorWeightDecay = 0,
            EntropyBonus = 0,
            Mixup = false,
            RewardTransform = "gail",
            AbsorbingStates = true,
        }, AdversarialPresets.Gail);
        Assert.Equal(AdversarialPresets.Gail with { RlAlgorithm = "td3", GradientPenalty = 10 }, AdversarialPresets.Dac);
        Assert.Equal(AdversarialPresets.Gail with { RewardTransform = "airl" }, AdversarialPresets.Airl);
        // FAIRL: e^ℓ with DAC's gradient penalty (decision 0010: swing-up 0.09 → 0.86 at the algorithms check).
        Assert.Equal(AdversarialPresets.Gail with { RewardTransform = "fkl", GradientPenalty = 10 }, AdversarialPresets.Fairl);
    }

    [Fact]
    public void Pwil_defaults()
    {
        Assert.Equal(new PwilConfig { RlAlgorithm = "sac", PwilInput = "sa", Alpha = 5, Beta = 5, ExpertPrefill = true }, PwilAlgorithm.Defaults);
    }

    [Fact]
    public void Documented_defaults_match_the_config_records()
    {
        var bc = AlgorithmRegistry.Find("bc")!.Hyperparameters.ToDictionary(h => h.Name, h => h.Default.ToString());
        Assert.Equal("0.001", bc["learning_rate"]);
        Assert.Equal("mse", bc["loss"]);
        var dac = AlgorithmRegistry.Find("dac")!.Hyperparameters.ToDictionary(h => h.Name, h => h.Default.ToString());
        Assert.Equal("td3", dac["rl_algorithm"]);
        Assert.Equal("10", dac["gradient_penalty"]);
        Assert.Equal("0.2", dac["policy_noise"]);
        // Opt-in (decision 0010): the classic-control study's DAC runs keep their numbers.
        Assert.Equal("0", dac["actor_preactivation_penalty"]);
        var fairl = AlgorithmRegistry.Find("fairl")!.Hyperparameters.ToDictionary(h => h.Name, h => h.Default.ToString());
        Assert.Equal("10", fairl["gradient_penalty"]);
        Assert.Equal("fkl", fairl["reward_transform"]);
        var gail = AlgorithmRegistry.Find("gail")!.Hyperparameters.ToDictionary(h => h.Name, h => h.Default.ToString());
        Assert.Equal("sac", gail["rl_algorithm"]);
        Assert.Equal("gail", gail["reward_transform"]);
    }
}
