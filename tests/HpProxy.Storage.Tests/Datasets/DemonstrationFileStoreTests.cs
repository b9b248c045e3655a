using HpProxy.Storage.Datasets;

namespace HpProxy.Storage.Tests.Datasets;

public sealed class DemonstrationFileStoreTests : IDisposable
{
    private readonly DatasetFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void A_staged_file_is_found_by_hash_in_its_study_folder()
    {
        var episodes = DatasetFixture.Generate(3);
        string source = _f.Write("human.parquet", episodes);
        string sha = DatasetFileHash.Of(source);
        string study = Path.Combine(_f.Dir, "results", "s");

        string staged = DemonstrationFileStore.Stage(study, sha, source);
        Assert.Equal(Path.Combine(study, "datasets", sha + ".parquet"), staged);
        File.Delete(source); // the study folder is self-contained

        var store = new DemonstrationFileStore();
        Assert.Throws<FileNotFoundException>(() => store.Load(sha));
        store.AddStudyDirectory(study);
        var loaded = store.Load(sha);
        Assert.Equal(("pendulum", true), (loaded.Task, loaded.HasRewards));
        DatasetFixture.AssertSame(episodes, loaded.Episodes);
    }

    [Fact]
    public void A_file_whose_bytes_changed_is_refused()
    {
        string source = _f.Write("human.parquet", DatasetFixture.Generate(3));
        string sha = DatasetFileHash.Of(source);
        var store = new DemonstrationFileStore();
        store.Register(sha, source);
        Assert.NotNull(store.Find(sha));

        _f.Write("human.parquet", DatasetFixture.Generate(4)); // same path, other data
        Assert.Null(store.Find(sha));
        Assert.Throws<FileNotFoundException>(() => store.Load(sha));
        var staging = Assert.Throws<InvalidDataException>(() => DemonstrationFileStore.Stage(Path.Combine(_f.Dir, "s"), sha, source));
        Assert.Contains("changed since the study was validated", staging.Message, StringComparison.Ordinal);
    }
}
