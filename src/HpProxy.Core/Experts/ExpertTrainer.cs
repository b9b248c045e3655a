using HpProxy.Core.Agents.Sac;
using HpProxy.Core.Envs;

namespace HpProxy.Core.Experts;

/// <summary>
/// Trains a SAC expert on a task's true reward (through <see cref="GroundTruthTrainer"/>) and turns the
/// actor of its best evaluation into an <see cref="ExpertArtifact"/>. This is how MuJoCo tasks, which have no
/// scripted controller, get a demonstrator. The best checkpoint, not the last, is kept because SAC's evaluation
/// return on locomotion tasks can collapse late in training (hopper and walker2d are known for it; Henderson et
/// al. 2018, "Deep RL that matters", Fig. 2) and a demonstrator should be the best policy the run found. Choosing
/// on the true return is legitimate here: experts are trained on the true reward, outside the imitation study.
/// The artifact records the step and return of the kept checkpoint, so a weak expert is visible as such.
/// </summary>
public static class ExpertTrainer
{
    /// <summary>Trains, then packs the best evaluated actor (ties keep the earlier one). <paramref name="onCheckpoint"/> sees each evaluation;
    /// <paramref name="onNewBest"/> receives the packed artifact each time an evaluation beats the best so far, so a caller can keep it
    /// on disk while a long training (≈ 1.5 h for ant) runs: a crash or a stop then loses only the steps since.</summary>
    public static (ExpertArtifact Artifact, IReadOnlyList<GroundTruthCheckpoint> Checkpoints) Train(
        Func<IEnvironment> createTask, GroundTruthConfig config, GroundTruthSetup setup,
        Action<GroundTruthCheckpoint>? onCheckpoint, CancellationToken cancellationToken, Action<ExpertArtifact>? onNewBest = null)
    {
        if (config.Backbone != "sac") throw new ArgumentException("experts are SAC actors (tanh-Gaussian heads); use backbone 'sac'", nameof(config));
        var trainer = new GroundTruthTrainer(createTask, config, setup);
        GroundTruthCheckpoint? best = null;
        MlpSnapshot? bestActor = null;
        var checkpoints = trainer.Run(checkpoint =>
        {
            if (best is null || checkpoint.Return > best.Return)
            {
                (best, bestActor) = (checkpoint, MlpSerializer.Save(Actor(trainer)));
                onNewBest?.Invoke(Pack(trainer, best, bestActor));
            }
            onCheckpoint?.Invoke(checkpoint);
        }, cancellationToken);
        return (Pack(trainer, best!, bestActor!), checkpoints);
    }

    private static ExpertArtifact Pack(GroundTruthTrainer trainer, GroundTruthCheckpoint kept, MlpSnapshot actor)
    {
        var info = trainer.Task;
        var setup = trainer.Setup;
        double? score = double.IsFinite(kept.NormalizedScore) ? kept.NormalizedScore : null;
        var training = new ExpertTraining("sac", kept.Step, trainer.Seed,
            kept.Return, setup.RandomReturn, score, trainer.Hyperparameters.ToCanonicalString());
        bool normalize = trainer.Hyperparameters.GetBool("normalize_observations", setup.Normalize);
        return new ExpertArtifact(ExpertArtifact.CurrentFormatVersion, info.Name, info.ObservationSize, info.ActionSize,
            normalize, (float[])setup.Stats.Mean.Clone(), (float[])setup.Stats.Std.Clone(), actor, training);
    }

    private static Nn.Mlp Actor(GroundTruthTrainer trainer) =>
        trainer.Learner.Backbone is SacLearner sac ? sac.Networks.Actor : throw new ArgumentException("only SAC runs can be saved as experts");
}
