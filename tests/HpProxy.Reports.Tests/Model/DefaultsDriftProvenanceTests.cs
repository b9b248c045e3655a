using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;
using HpProxy.Reports.Model;
using HpProxy.Storage;
using HpProxy.TestSupport;

namespace HpProxy.Reports.Tests.Model;

/// <summary>The provenance table says which finished runs the report's code would train with other defaults: a run
/// id covers only what the study file sets, so a default changed between sessions is otherwise invisible.</summary>
public sealed class DefaultsDriftProvenanceTests
{
    private static readonly string GailSpec = RunSpecJson.Serialize(new RunSpec(
        "pendulum", new DemoSpec("synthetic-10", "scripted", "synthetic", HyperparameterSet.Empty, 10, 2, 1), "gail", "c00",
        HyperparameterSet.Empty, 0, 1000, 3, new EvaluationSpec(2, 5), []));

    /// <summary>The unit study's 2 GAIL runs recorded with the given penalty (GAIL's default is 0); BC runs unrecorded.</summary>
    private static Provenance ProvenanceWithGailRecordedAt(double gradientPenalty)
    {
        var source = StudyData.Create(configs: 1, seeds: 2, withFailure: false);
        var runs = source.GetRuns().Select(r => r.Algorithm == "gail"
            ? r with { SpecJson = GailSpec, ResolvedHyperparameters = RecordedConfiguration.Of("gail", HyperparameterSet.Empty, ("gradient_penalty", gradientPenalty)) }
            : r);
        var store = new FakeStudyStore(source.GetStudy(), runs, source.GetCheckpoints());
        return ReportModelFactory.Create(store, ReportFixture.Options with { B = 5 }).Provenance;
    }

    [Fact]
    public void Runs_trained_with_another_default_are_named_with_the_change()
    {
        var provenance = ProvenanceWithGailRecordedAt(5);

        Assert.Equal(2, provenance.RecordedConfigurations);
        Assert.Equal("2 of 2 recorded runs: gail gradient_penalty 5 → 0 (2 runs)", provenance.DefaultsDriftText);
    }

    [Fact]
    public void Runs_trained_with_this_codes_defaults_are_checked_and_clean()
    {
        Assert.Equal("none (2 recorded runs checked)", ProvenanceWithGailRecordedAt(0).DefaultsDriftText);
    }

    [Fact]
    public void Runs_finished_before_the_record_existed_say_so()
    {
        var provenance = ReportModelFactory.Create(StudyData.Create(configs: 1, seeds: 1), ReportFixture.Options with { B = 5 }).Provenance;

        Assert.Equal(0, provenance.RecordedConfigurations);
        Assert.StartsWith("not recorded", provenance.DefaultsDriftText, StringComparison.Ordinal);
    }
}
