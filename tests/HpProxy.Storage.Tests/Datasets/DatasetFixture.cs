using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Spaces;
using HpProxy.Storage.Datasets;

namespace HpProxy.Storage.Tests.Datasets;

/// <summary>A temporary folder with small pendulum demonstration files.</summary>
public sealed class DatasetFixture : IDisposable
{
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "hpproxy-dataset-tests", Guid.NewGuid().ToString("N"));

    public static TaskInfo Pendulum { get; } = new ClassicControlTasks().Tasks.Single(t => t.Name == "pendulum");

    public static TaskInfo? FindTask(string name) => new ClassicControlTasks().Tasks.FirstOrDefault(t => t.Name == name);

    public static IReadOnlyList<RecordedEpisode> Generate(int episodes, ulong seed = 9) =>
        DemoGenerator.Generate(new ClassicControlTasks().Create("pendulum"),
            Demonstrators.Create("pendulum", "scripted", "human-like", HyperparameterSet.Empty), episodes, seed);

    public static RldsDatasetInfo InfoOf(IReadOnlyList<RecordedEpisode> episodes) =>
        new("pendulum", episodes[0].Metadata.Demonstrator, "human-like", "{}", 3, 1);

    public string Write(string name, IReadOnlyList<RecordedEpisode> episodes, RldsDatasetInfo? info = null)
    {
        string path = Path.Combine(Dir, name);
        DemonstrationDataset.Write(path, info ?? InfoOf(episodes), episodes);
        return path;
    }

    public static void AssertSame(IReadOnlyList<RecordedEpisode> expected, IReadOnlyList<RecordedEpisode> actual, bool rewards = true)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal((e.ObservationSize, e.ActionSize, e.Terminated, e.Length), (a.ObservationSize, a.ActionSize, a.Terminated, a.Length));
            Assert.Equal(e.Observations, a.Observations);
            Assert.Equal(e.Actions, a.Actions);
            if (rewards) Assert.Equal(e.Rewards, a.Rewards);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Dir)) Directory.Delete(Dir, recursive: true);
    }
}
