using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Tests.Envs;

/// <summary>The reference returns stored by <c>hpproxy tasks --measure</c> (Envs/reference-returns.json, embedded).</summary>
public class StoredReferenceReturnsTests
{
    [Fact]
    public void The_stored_pendulum_references_equal_a_fresh_measurement_with_the_stored_settings()
    {
        var stored = StoredReferenceReturns.For("pendulum")!;
        var settings = StoredReferenceReturns.Stored.Settings;
        var tasks = new ClassicControlTasks();
        var info = tasks.Tasks.Single(t => t.Name == "pendulum");
        var fresh = StoredReferenceReturns.Measure(info, () => tasks.Create("pendulum"), stored.Demonstrator,
            () => Demonstrators.Create("pendulum", stored.Demonstrator!, settings.DemonstratorRegime, HyperparameterSet.Empty), settings);
        // Same seeds, same code: the same numbers (JSON keeps doubles exactly in round-trip form).
        Assert.Equal(stored.RandomReturn, fresh.RandomReturn, 9);
        Assert.Equal(stored.DemonstratorReturn!.Value, fresh.DemonstratorReturn!.Value, 9);
        // And they mean something: the swing-up controller is far better than random actions.
        Assert.True(stored.DemonstratorReturn > stored.RandomReturn + 500);
    }

    [Fact]
    public void Every_classic_task_has_stored_references_and_the_settings_follow_the_spec()
    {
        var settings = StoredReferenceReturns.Stored.Settings;
        Assert.True(settings.RandomEpisodes >= 100); // SPEC.md §3
        Assert.Equal(HpProxy.Core.Envs.Data.ReferenceReturnsMeter.DefaultRandomSeed, settings.RandomSeed);
        foreach (var task in new ClassicControlTasks().Tasks)
        {
            var stored = StoredReferenceReturns.For(task.Name);
            Assert.True(stored is not null, $"{task.Name} has no stored reference returns: run 'hpproxy tasks --measure'");
            Assert.Equal("scripted", stored!.Demonstrator);
            Assert.True(stored.DemonstratorReturn > stored.RandomReturn, task.Name);
        }
    }

    [Fact]
    public void The_file_round_trips_and_a_task_without_a_demonstrator_has_none()
    {
        var file = StoredReferenceReturns.Stored;
        var back = StoredReferenceReturns.Parse(StoredReferenceReturns.Serialize(file));
        Assert.Equal(file.Tasks, back.Tasks);
        Assert.Equal(file.Settings, back.Settings);
        var none = new StoredTaskReferences("x", -1, null, null);
        Assert.Null(StoredReferenceReturns.Parse(StoredReferenceReturns.Serialize(file with { Tasks = [none] })).Tasks[0].Demonstrator);
        Assert.Null(StoredReferenceReturns.For("no-such-task"));
    }
}
