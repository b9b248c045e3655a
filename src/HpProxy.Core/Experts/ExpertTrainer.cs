using HpProxy.Core.Agents.Sac;
using HpProxy.Core.Envs;

namespace HpProxy.Core.Experts;

/// <summary>
/// Trains a SAC expert on a task's true reward (through <see cref="GroundTruthTrainer"/>) and turns the
/// final actor into an <see cref="ExpertArtifact"/>. This is how MuJoCo tasks, which have no scripted
/// controller, get a demonstrator. The artifact records the final evaluation return so a weak expert is
/// visible as such.
/// </summary>
public static class ExpertTrainer
{
    /// <summary>Trains, then packs the result. <paramref name="onCheckpoint"/> sees each evaluation.</summary>
    public static (ExpertArtifact Artifact, IReadOnlyList<GroundTruthCheckpoint> Checkpoints) Train(
        Func<IEnvironment> createTask, GroundTruthConfig config, GroundTruthSetup setup,
        Action<GroundTruthCheckpoint>? onCheckpoint, CancellationToken cancellationToken)
    {
        if (config.Backbone != "sac") throw new ArgumentException("experts are SAC actors (tanh-Gaussian heads); use backbone 'sac'", nameof(config));
        var trainer = new GroundTruthTrainer(createTask, config, setup);
        var checkpoints = trainer.Run(onCheckpoint, cancellationToken);
        return (Pack(trainer, checkpoints[^1]), checkpoints);
    }

    /// <summary>The artifact of a trained (SAC) ground-truth run.</summary>
    public static ExpertArtifact Pack(GroundTruthTrainer trainer, GroundTruthCheckpoint final)
    {
        if (trainer.Learner.Backbone is not SacLearner sac) throw new ArgumentException("only SAC runs can be saved as experts");
        var info = trainer.Task;
        var setup = trainer.Setup;
        double? score = double.IsFinite(final.NormalizedScore) ? final.NormalizedScore : null;
        var training = new ExpertTraining("sac", final.Step, trainer.Seed,
            final.Return, setup.RandomReturn, score, trainer.Hyperparameters.ToCanonicalString());
        bool normalize = trainer.Hyperparameters.GetBool("normalize_observations", setup.Normalize);
        return new ExpertArtifact(ExpertArtifact.CurrentFormatVersion, info.Name, info.ObservationSize, info.ActionSize,
            normalize, (float[])setup.Stats.Mean.Clone(), (float[])setup.Stats.Std.Clone(), MlpSerializer.Save(sac.Networks.Actor), training);
    }
}
