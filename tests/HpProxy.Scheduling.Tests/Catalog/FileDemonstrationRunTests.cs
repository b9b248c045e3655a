using HpProxy.Core.Agents;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Runs;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;
using HpProxy.Scheduling.Catalog;
using HpProxy.Scheduling.Jobs;
using HpProxy.Storage;
using HpProxy.Storage.Datasets;

namespace HpProxy.Scheduling.Tests.Catalog;

/// <summary>A worker executes a run whose demonstrations come from a file: it finds the copy <c>run</c> staged in the
/// study folder by hash (in a fresh catalog that never saw the original path), and stores the file's reference.</summary>
public sealed class FileDemonstrationRunTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hpproxy-filerun-" + Guid.NewGuid().ToString("N")[..10]);

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private (string Source, string Sha, IReadOnlyList<RecordedEpisode> Episodes) WriteDataset()
    {
        var episodes = DemoGenerator.Generate(new ClassicControlTasks().Create("pendulum"),
            Demonstrators.Create("pendulum", "scripted", "human-like", HyperparameterSet.Empty), 6, seed: 3);
        string source = Path.Combine(_dir, "human.parquet");
        DemonstrationDataset.Write(source, new RldsDatasetInfo("pendulum", episodes[0].Metadata.Demonstrator, "human-like", "{}", 3, 1), episodes);
        return (source, DatasetFileHash.Of(source), episodes);
    }

    private static RunSpec Spec(string sha) => new(
        "pendulum",
        new DemoSpec("human", "scripted:human-like", DemonstrationSetDefinition.FileRegime, HyperparameterSet.Empty, 3, 2, 77) { File = new DemoFileSpec(sha, null) },
        "bc", "cfg", HyperparameterSet.Empty, 0, Budget: 20, Checkpoints: 1, new EvaluationSpec(2, 5), [new ProxySpec("action_mse", HyperparameterSet.Empty)]);

    private (IStudyStore Store, RunWorkContext Context) Claimed(RunSpec spec)
    {
        var store = StudyStoreFactory.Open(Path.Combine(_dir, "results"), "files");
        store.SaveStudy("files", "hash", "text", "test");
        string json = RunSpecJson.Serialize(spec);
        string id = RunSpecJson.RunIdOfJson(json);
        store.AddRuns([new PlannedRun(id, spec.Task, spec.Demonstrations.Name, spec.Algorithm, spec.ConfigId, spec.Seed, json)]);
        var claim = store.TryClaim(id, "test", TimeSpan.FromMinutes(5))!;
        return (store, new RunWorkContext(StudyLocation.Create(Path.Combine(_dir, "results"), "files"), id, claim, store));
    }

    [Fact]
    public void A_worker_reads_the_staged_copy_and_stores_the_files_reference()
    {
        var (source, sha, episodes) = WriteDataset();
        var spec = Spec(sha);
        var (store, context) = Claimed(spec);
        using (store)
        {
            DemonstrationFileStore.Stage(context.Location.StudyDirectory, sha, source);
            File.Delete(source);
            var catalog = new ProductCatalog(new ClassicControlTasks());
            var work = new ExecutorRunWork(catalog.Services, catalog.Files);
            var checkpoints = new List<CheckpointResult>();

            var result = work.Execute(context, checkpoints.Add, CancellationToken.None);

            Assert.True(result.Succeeded, result.FailureReason);
            Assert.Single(checkpoints);
            var expected = FileDemoSelection.Select(episodes, 3, 2, 77, "human", true, null).DemonstratorReturn;
            Assert.Equal(expected, store.GetReferences("pendulum", "human")!.Expert, 9);
            // The work says which configuration it trained: every BC hyperparameter, at this code's defaults here.
            var bc = AlgorithmRegistry.Find("bc")!;
            var resolved = RunSpecJson.DeserializeHyperparameters(result.ResolvedHyperparameters!);
            Assert.Equal(bc.Hyperparameters.Select(h => h.Name).Order(StringComparer.Ordinal), resolved.Keys.Order(StringComparer.Ordinal));
            Assert.All(bc.Hyperparameters, h => Assert.Equal(h.Default, resolved[h.Name]));
        }
    }

    [Fact]
    public void Without_the_staged_copy_the_run_fails_saying_where_it_looked()
    {
        var (_, sha, _) = WriteDataset();
        var (store, context) = Claimed(Spec(sha));
        using (store)
        {
            var catalog = new ProductCatalog(new ClassicControlTasks());
            var e = Assert.Throws<FileNotFoundException>(() => new ExecutorRunWork(catalog.Services, catalog.Files).Execute(context, _ => { }, CancellationToken.None));
            Assert.Contains(sha, e.Message, StringComparison.Ordinal);
            Assert.Contains(Path.Combine("files", "datasets"), e.Message, StringComparison.Ordinal);
        }
    }
}
