using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Demonstrators;
using HpProxy.Core.Runs;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Tests.Runs;

/// <summary>A run planned with a trained demonstrator's version is generated only by that version: a worker whose
/// expert was retrained refuses it with the reason instead of writing other demonstrations under the same run id.</summary>
public sealed class GeneratedDemonstrationSourceTests
{
    private static readonly DemoSpec Spec = new("synthetic", Demonstrators.Scripted, Demonstrators.CleanRegime, HyperparameterSet.Empty, 2, 1, 7)
    {
        DemonstratorVersion = "0123456789abcdef",
    };

    private static GeneratedDemonstrationSource Source(string? installedVersion) =>
        new(new ClassicControlTasks().Create, Demonstrators.Create, (_, _) => installedVersion);

    [Fact]
    public void Another_version_of_the_demonstrator_is_refused_with_both_versions_named()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Source("fedcba9876543210").Get("pendulum", Spec));

        Assert.Contains("version fedcba9876543210", e.Message, StringComparison.Ordinal);
        Assert.Contains("planned with version 0123456789abcdef", e.Message, StringComparison.Ordinal);
        Assert.Contains("experts/pendulum.expert", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_cached_for_the_installed_version_is_not_served_to_a_run_planned_with_another()
    {
        var source = Source("0123456789abcdef");
        source.Get("pendulum", Spec); // cached for the installed version

        Assert.Throws<InvalidOperationException>(() => source.Get("pendulum", Spec with { DemonstratorVersion = "fedcba9876543210" }));
    }

    [Fact]
    public void A_missing_versioned_demonstrator_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Source(null).Get("pendulum", Spec));
        Assert.Contains("not a versioned artifact here", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_planned_version_generates_the_same_episodes_as_an_unversioned_spec()
    {
        var versioned = Source("0123456789abcdef").Get("pendulum", Spec);
        var plain = new GeneratedDemonstrationSource(new ClassicControlTasks().Create, Demonstrators.Create).Get("pendulum", Spec with { DemonstratorVersion = null });

        Assert.Equal(2, versioned.Train.Episodes.Count);
        Assert.Equal(plain.Train.AllStates(), versioned.Train.AllStates());
    }
}
