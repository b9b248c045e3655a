using HpProxy.Core.Common;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Experts;
using HpProxy.Core.Nn;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Tests.Experts;

public sealed class ExpertArtifactTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hpproxy-experts-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Mlp_round_trip_is_exact()
    {
        var mlp = new Mlp(3, [5, 4], 2, Activation.Tanh, new Rng(3));
        var copy = MlpSerializer.Load(MlpSerializer.Save(mlp));
        float[] x = [0.3f, -1.2f, 2f];
        Assert.Equal(mlp.Forward(x, 1).ToArray(), copy.Forward(x, 1).ToArray());
        Assert.Equal(Activation.Tanh, copy.HiddenActivation);
    }

    [Fact]
    public void The_artifact_keeps_the_actor_of_the_best_evaluation_not_the_last()
    {
        var hp = new HyperparameterSet([new("hidden_units", HpValue.Of(16)), new("batch_size", HpValue.Of(32)), new("warmup_steps", HpValue.Of(100))]);
        var config = new GroundTruthConfig { Steps = 600, Checkpoints = 6, EvaluationEpisodes = 1, Seed = 4, Hyperparameters = hp };
        var (artifact, checkpoints) = ExpertTrainer.Train(GroundTruthTrainerTests.Task("pendulum"), config,
            GroundTruthTrainerTests.Setup("pendulum"), null, CancellationToken.None);
        var best = checkpoints.First(c => c.Return == checkpoints.Max(x => x.Return));
        Assert.NotEqual(checkpoints[^1].Step, best.Step); // this seed's run peaks early, so "best" and "last" differ
        Assert.Equal(best.Return, artifact.Training.Return);
        Assert.Equal(best.Step, artifact.Training.Steps);

        // The kept actor is the one evaluated at that step: a fresh run stopped there has the same weights.
        var stopped = new GroundTruthConfig { Steps = best.Step, Checkpoints = (int)(best.Step / 100), EvaluationEpisodes = 1, Seed = 4, Hyperparameters = hp };
        var (atBest, _) = ExpertTrainer.Train(GroundTruthTrainerTests.Task("pendulum"), stopped,
            GroundTruthTrainerTests.Setup("pendulum"), null, CancellationToken.None);
        Assert.Equal(atBest.Actor.Weights, artifact.Actor.Weights);
    }

    [Fact]
    public void Each_new_best_is_handed_over_as_training_goes_and_the_last_is_the_kept_artifact()
    {
        var hp = new HyperparameterSet([new("hidden_units", HpValue.Of(16)), new("batch_size", HpValue.Of(32)), new("warmup_steps", HpValue.Of(100))]);
        var config = new GroundTruthConfig { Steps = 600, Checkpoints = 6, EvaluationEpisodes = 1, Seed = 4, Hyperparameters = hp };
        var handed = new List<ExpertArtifact>();

        var (artifact, checkpoints) = ExpertTrainer.Train(GroundTruthTrainerTests.Task("pendulum"), config,
            GroundTruthTrainerTests.Setup("pendulum"), null, CancellationToken.None, handed.Add);

        // One hand-over per record-breaking evaluation, in order.
        var records = checkpoints.Where((c, i) => checkpoints.Take(i).All(earlier => c.Return > earlier.Return)).ToList();
        Assert.Equal(records.Select(c => (c.Step, c.Return)), handed.Select(a => (a.Training.Steps, a.Training.Return)));
        Assert.Equal(artifact.Actor.Weights, handed[^1].Actor.Weights);
    }

    [Fact]
    public void A_training_stopped_midway_has_handed_over_its_best_so_far()
    {
        var hp = new HyperparameterSet([new("hidden_units", HpValue.Of(16)), new("batch_size", HpValue.Of(32)), new("warmup_steps", HpValue.Of(100))]);
        var config = new GroundTruthConfig { Steps = 600, Checkpoints = 6, EvaluationEpisodes = 1, Seed = 4, Hyperparameters = hp };
        using var stop = new CancellationTokenSource();
        var seen = new List<GroundTruthCheckpoint>();
        ExpertArtifact? kept = null;

        Assert.ThrowsAny<OperationCanceledException>(() => ExpertTrainer.Train(GroundTruthTrainerTests.Task("pendulum"), config,
            GroundTruthTrainerTests.Setup("pendulum"), c =>
            {
                seen.Add(c);
                if (seen.Count == 2) stop.Cancel(); // stopped (Ctrl-C, a kill) after two evaluations
            }, stop.Token, a => kept = a));

        var best = seen.MaxBy(c => c.Return)!;
        Assert.NotNull(kept);
        Assert.Equal((best.Step, best.Return), (kept.Training.Steps, kept.Training.Return));
    }

    [Fact]
    public void A_trained_pendulum_expert_saves_reloads_and_acts_exactly_like_the_trained_policy()
    {
        var hp = new HyperparameterSet([new("hidden_units", HpValue.Of(16)), new("batch_size", HpValue.Of(32)), new("warmup_steps", HpValue.Of(200))]);
        var config = new GroundTruthConfig { Steps = 500, Checkpoints = 1, EvaluationEpisodes = 2, Seed = 3, Hyperparameters = hp };
        var (artifact, checkpoints) = ExpertTrainer.Train(GroundTruthTrainerTests.Task("pendulum"), config,
            GroundTruthTrainerTests.Setup("pendulum"), null, CancellationToken.None);
        string path = Path.Combine(_dir, "pendulum.expert");
        string sha = artifact.Save(path);
        Assert.Equal(64, sha.Length);
        Assert.True(new FileInfo(path).Length < 1 << 20);

        var loaded = ExpertArtifact.Load(path);
        Assert.Equal("pendulum", loaded.Task);
        Assert.Equal(ExpertArtifact.CurrentFormatVersion, loaded.FormatVersion);
        Assert.Equal(checkpoints[^1].Return, loaded.Training.Return);
        Assert.Equal(500, loaded.Training.Steps);
        Assert.True(loaded.Normalize);
        Assert.Equal(artifact.ObservationStd, loaded.ObservationStd);

        // The reloaded demonstrator and the live learner's deterministic policy agree bit for bit.
        var trainer = new GroundTruthTrainer(GroundTruthTrainerTests.Task("pendulum"), config, GroundTruthTrainerTests.Setup("pendulum"));
        trainer.Run(null, CancellationToken.None);
        var demonstrator = new TrainedPolicyDemonstrator(loaded);
        var rng = new Rng(5);
        var obs = new float[3];
        float[] expected = new float[1], actual = new float[1];
        int distinct = 0;
        float previous = float.NaN;
        for (int i = 0; i < 50; i++)
        {
            double theta = rng.Uniform(-Math.PI, Math.PI);
            (obs[0], obs[1], obs[2]) = ((float)Math.Cos(theta), (float)Math.Sin(theta), (float)rng.Uniform(-8, 8));
            trainer.Learner.Policy.Act(obs, expected);
            demonstrator.Act(obs, actual);
            Assert.Equal(expected[0], actual[0]);
            Assert.InRange(actual[0], -1f, 1f);
            if (actual[0] != previous) distinct++;
            previous = actual[0];
        }
        Assert.True(distinct > 40, "the policy depends on the observation");
    }

    [Fact]
    public void A_corrupted_or_foreign_artifact_is_rejected()
    {
        var artifact = Tiny();
        var (text, _) = artifact.Serialize();
        Assert.Equal(artifact.Task, ExpertArtifact.Parse(text).Task);
        Assert.Throws<InvalidDataException>(() => ExpertArtifact.Parse(text.Replace("\"tiny\"", "\"tinx\"")));
        var (future, _) = (artifact with { FormatVersion = 99 }).Serialize();
        Assert.Throws<InvalidDataException>(() => ExpertArtifact.Parse(future));
    }

    [Fact]
    public void Registered_experts_become_demonstrators_of_their_task()
    {
        const string task = "experts-test-task"; // not a real task: the registry is process-wide
        Assert.Empty(Demonstrators.NamesFor(task));
        Directory.CreateDirectory(_dir);
        Tiny(task).Save(ExpertRegistry.PathFor(_dir, task));
        File.WriteAllText(Path.Combine(_dir, "broken.expert"), "{not json");
        var problems = new List<string>();

        Assert.Equal([task], ExpertRegistry.RegisterDirectory(_dir, problems));
        Assert.Single(problems);
        Assert.Equal([TrainedPolicyDemonstrator.DemonstratorName], Demonstrators.NamesFor(task));
        Assert.Equal([Demonstrators.Scripted], Demonstrators.NamesFor("pendulum"));

        var clean = Demonstrators.Create(task, TrainedPolicyDemonstrator.DemonstratorName, Demonstrators.CleanRegime, HyperparameterSet.Empty);
        Assert.IsType<TrainedPolicyDemonstrator>(clean);
        var noisy = Demonstrators.Create(task, TrainedPolicyDemonstrator.DemonstratorName, "synthetic", HyperparameterSet.Empty);
        Assert.IsNotType<TrainedPolicyDemonstrator>(noisy); // wrapped in the regime
        var action = new float[1];
        clean.Act([0.5f, -0.5f], action);
        Assert.InRange(action[0], -1f, 1f);
        Assert.Throws<ArgumentException>(() => Demonstrators.Create(task, Demonstrators.Scripted, Demonstrators.CleanRegime, HyperparameterSet.Empty));
    }

    private static ExpertArtifact Tiny(string task = "tiny")
    {
        var actor = new Mlp(2, [4], 2, Activation.Relu, new Rng(1));
        return new ExpertArtifact(ExpertArtifact.CurrentFormatVersion, task, 2, 1, true, [0f, 1f], [1f, 2f],
            MlpSerializer.Save(actor), new ExpertTraining("sac", 10, 0, -1.5, -3, null, "hidden_units=4"));
    }
}
