using HpProxy.Core.Agents;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Tests.Agents;

/// <summary>A worker records the configuration it trained (defaults included); a later code with other defaults
/// finds the runs it would train differently. FAIRL's gradient penalty (0 before decision 0010, 10 now) is the case
/// that made this necessary.</summary>
public class DefaultsDriftTests
{
    private static readonly IAlgorithm Fairl = AlgorithmRegistry.Find("fairl")!;

    private static HyperparameterSet Given(params (string Name, double Value)[] values) =>
        new(values.Select(v => KeyValuePair.Create(v.Name, HpValue.Of(v.Value))));

    /// <summary>What a worker of the code before decision 0010 recorded: this code's resolution with the old penalty,
    /// plus a hyperparameter this code no longer has and without one it has since added.</summary>
    private static string RecordedBefore0010(HyperparameterSet given, bool penaltyGiven = false)
    {
        var values = Fairl.Resolve(given).Where(kv => kv.Key != "hidden_layers").ToDictionary(kv => kv.Key, kv => kv.Value);
        if (!penaltyGiven) values["gradient_penalty"] = HpValue.Of(0);
        values["a_removed_hyperparameter"] = HpValue.Of(1);
        return RunSpecJson.SerializeHyperparameters(new HyperparameterSet(values));
    }

    private static DefaultsDriftReport Find(params TrainedConfiguration[] runs) => DefaultsDrift.Find(runs, AlgorithmRegistry.Find);

    [Fact]
    public void Resolve_gives_every_declared_hyperparameter_with_the_given_value_or_the_default()
    {
        var resolved = Fairl.Resolve(Given(("gradient_penalty", 3), ("batch_size", 64)));

        Assert.Equal(Fairl.Hyperparameters.Select(h => h.Name).Order(StringComparer.Ordinal), resolved.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HpValue.Of(3), resolved["gradient_penalty"]);
        Assert.Equal(HpValue.Of(64), resolved["batch_size"]);
        Assert.Equal(HpValue.Of("fkl"), resolved["reward_transform"]);
    }

    [Fact]
    public void The_resolved_set_survives_its_canonical_json()
    {
        var resolved = Fairl.Resolve(Given(("learning_rate", 0.0003)));

        Assert.Equal(resolved, RunSpecJson.DeserializeHyperparameters(RunSpecJson.SerializeHyperparameters(resolved)));
    }

    [Fact]
    public void A_changed_default_is_found_and_counted_per_run()
    {
        var given = Given(("learning_rate", 0.001));
        var report = Find(
            new TrainedConfiguration("fairl", given, RecordedBefore0010(given)),
            new TrainedConfiguration("fairl", Given(), RecordedBefore0010(Given())),
            new TrainedConfiguration("fairl", given, RunSpecJson.SerializeHyperparameters(Fairl.Resolve(given))));

        Assert.Equal(2, report.Runs);
        var change = Assert.Single(report.Changes);
        Assert.Equal(new DefaultChange("fairl", "gradient_penalty", HpValue.Of(0), HpValue.Of(10), 2), change);
        Assert.Equal("fairl gradient_penalty 0 → 10 (2 runs)", report.Describe());
    }

    [Fact]
    public void A_value_the_study_file_set_is_not_a_changed_default()
    {
        var given = Given(("gradient_penalty", 0));

        var report = Find(new TrainedConfiguration("fairl", given, RecordedBefore0010(given, penaltyGiven: true)));

        Assert.False(report.Any);
        Assert.Equal("", report.Describe());
    }

    [Fact]
    public void Runs_without_a_record_and_unknown_algorithms_are_not_judged()
    {
        var report = Find(
            new TrainedConfiguration("fairl", Given(), null),
            new TrainedConfiguration("not-an-algorithm", Given(), "{\"gradient_penalty\":0}"));

        Assert.False(report.Any);
        Assert.Empty(report.Changes);
    }
}
