using HpProxy.Core.Spaces;
using static HpProxy.Core.Proxies.SettingsBinder;

namespace HpProxy.Core.Proxies;

/// <summary>Settings of the "rnd" proxy; defaults in one place.</summary>
public sealed record RndSettings
{
    /// <summary>Hidden units of both networks (two ReLU layers). 64: the state spaces here are small (≤ ~400 dims)
    /// and a study scores every checkpoint; Burda et al. (2018) used convolutional networks on pixels.</summary>
    public int Units { get; init; } = 64;

    /// <summary>Embedding size k. With PyTorch-default initialisation ‖f(s)‖² ≈ 0.3 at k = 16, so exp(−‖f − g‖²)
    /// spreads over (0, 1] rather than saturating at 0 for every agent.</summary>
    public int OutputSize { get; init; } = 16;

    /// <summary>Predictor gradient steps on the expert states (once per demonstration set).</summary>
    public int TrainingSteps { get; init; } = 2000;

    /// <summary>Minibatch size of predictor training.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Adam learning rate (Kingma &amp; Ba 2015 default).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Mixed into the network and minibatch seeds.</summary>
    public int Seed { get; init; }

    public static IReadOnlyList<ProxySetting> Describe()
    {
        var d = new RndSettings();
        return
        [
            Integer("units", d.Units, "hidden units of the target and predictor networks", 1, 4096),
            Integer("output_size", d.OutputSize, "embedding size of the random target network", 1, 4096),
            Integer("training_steps", d.TrainingSteps, "predictor Adam steps on expert states", 0, 10_000_000),
            Integer("batch_size", d.BatchSize, "predictor minibatch size", 1, 65_536),
            Number("learning_rate", d.LearningRate, "predictor Adam learning rate", 1e-8, 1),
            Integer("seed", d.Seed, "mixed into the network seeds", 0, int.MaxValue),
        ];
    }

    public static RndSettings Bind(HyperparameterSet s)
    {
        var d = new RndSettings();
        return new RndSettings
        {
            Units = s.GetInt("units", d.Units),
            OutputSize = s.GetInt("output_size", d.OutputSize),
            TrainingSteps = s.GetInt("training_steps", d.TrainingSteps),
            BatchSize = s.GetInt("batch_size", d.BatchSize),
            LearningRate = s.GetDouble("learning_rate", d.LearningRate),
            Seed = s.GetInt("seed", d.Seed),
        };
    }
}
