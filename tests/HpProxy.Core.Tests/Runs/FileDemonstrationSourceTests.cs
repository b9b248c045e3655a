using HpProxy.Core.Envs.Data;
using HpProxy.Core.Runs;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;
using HpProxy.Core.Tests.Envs.Data;

namespace HpProxy.Core.Tests.Runs;

public class FileDemonstrationSourceTests
{
    private sealed class CountingStore : IDemonstrationFileStore
    {
        public int Loads { get; private set; }

        public LoadedDemonstrationFile Load(string sha256)
        {
            Loads++;
            return sha256 == "known" ? new LoadedDemonstrationFile("pendulum", FileDemoSelectionTests.Episodes(8), HasRewards: true)
                : throw new FileNotFoundException("no file " + sha256);
        }
    }

    private sealed class Generated : IDemonstrationSource
    {
        public int Calls { get; private set; }

        public DemonstrationData Get(string task, DemoSpec spec)
        {
            Calls++;
            var (train, validation) = DemoSplit.Split(FileDemoSelectionTests.Episodes(3), 2, spec.Name);
            return new DemonstrationData(train, validation, 1);
        }
    }

    private static DemoSpec Spec(string? sha) =>
        new("human", "human", "file", HyperparameterSet.Empty, 3, 2, 5) { File = sha is null ? null : new DemoFileSpec(sha, null) };

    [Fact]
    public void Files_are_read_once_per_process_and_split_deterministically()
    {
        var store = new CountingStore();
        var source = new FileDemonstrationSource(store);
        var a = source.Get("pendulum", Spec("known"));
        var b = source.Get("pendulum", Spec("known"));
        Assert.Equal(1, store.Loads);
        Assert.Same(a.Train, b.Train);
        var fresh = new FileDemonstrationSource(new CountingStore()).Get("pendulum", Spec("known"));
        Assert.Equal(a.Train.Episodes.Select(e => e.Observations[0]), fresh.Train.Episodes.Select(e => e.Observations[0]));
        Assert.Equal(3, a.Train.Episodes.Count);
        Assert.Equal(2, a.Validation.Episodes.Count);
    }

    [Fact]
    public void A_file_of_another_task_or_a_missing_file_fails_the_run_with_the_reason()
    {
        var source = new FileDemonstrationSource(new CountingStore());
        var wrongTask = Assert.Throws<InvalidOperationException>(() => source.Get("acrobot", Spec("known")));
        Assert.Contains("holds task 'pendulum'", wrongTask.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => source.Get("pendulum", Spec("unknown")));
        // Failures are not cached: the same set is tried again (here it fails again, reading again).
        var store = new CountingStore();
        var retrying = new FileDemonstrationSource(store);
        Assert.Throws<FileNotFoundException>(() => retrying.Get("pendulum", Spec("unknown")));
        Assert.Throws<FileNotFoundException>(() => retrying.Get("pendulum", Spec("unknown")));
        Assert.Equal(2, store.Loads);
    }

    [Fact]
    public void The_router_sends_file_sets_to_files_and_the_rest_to_the_generator()
    {
        var generated = new Generated();
        var store = new CountingStore();
        var router = new RoutingDemonstrationSource(generated, new FileDemonstrationSource(store));
        router.Get("pendulum", Spec(null));
        Assert.Equal((1, 0), (generated.Calls, store.Loads));
        router.Get("pendulum", Spec("known"));
        Assert.Equal((1, 1), (generated.Calls, store.Loads));
    }
}
