using HpProxy.Core.Agents;
using HpProxy.Core.Envs;
using HpProxy.Core.Proxies;
using HpProxy.Core.Runs;

namespace HpProxy.Core.Tests.Conventions;

/// <summary>
/// The true reward never reaches an agent or a proxy (SPEC.md §7). The reward lives only in
/// <see cref="IEnvironment"/>, <see cref="OracleStep"/>, <see cref="OracleReward"/>, the RLDS episodes that store
/// demonstration rewards, and the run executor's bookkeeping; no type under Agents or Proxies may touch any of
/// them — not in a signature, a field, a local, or a single IL instruction.
/// </summary>
public class RewardIsolationTests
{
    private static readonly HashSet<string> RewardCarriers =
    [
        typeof(IEnvironment).FullName!,
        typeof(OracleStep).FullName!,
        typeof(OracleReward).FullName!,
        typeof(ITaskProvider).FullName!,
        typeof(DemonstrationData).FullName!,
        typeof(RunExecutor).FullName!,
        typeof(RunServices).FullName!,
        typeof(IDemonstrationSource).FullName!,
        "HpProxy.Core.Envs.Data.RecordedEpisode",
        "HpProxy.Core.Envs.Data.RecordedStep",
    ];

    public static TheoryData<string> GuardedNamespaces => new() { "HpProxy.Core.Agents", "HpProxy.Core.Proxies" };

    [Theory]
    [MemberData(nameof(GuardedNamespaces))]
    public void No_agent_or_proxy_type_touches_a_reward_carrier(string ns)
    {
        var types = typeof(IPolicy).Assembly.GetTypes()
            .Where(t => t.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(types);
        var violations = types
            .SelectMany(t => TypeReferenceScanner.References(t).Select(r => (Type: t, r.Where, r.Referenced)))
            .Where(v => v.Referenced.FullName is { } name && RewardCarriers.Contains(name))
            .Select(v => $"{v.Type.FullName} ({v.Where}) -> {v.Referenced.FullName}")
            .Distinct()
            .ToList();
        Assert.True(violations.Count == 0, "true reward reachable from:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Scanner_finds_the_reward_where_it_is_used()
    {
        // Positive control: the executor does hold the true task, so the scanner must see it there.
        var referenced = TypeReferenceScanner.References(typeof(RunExecutor)).Select(r => r.Referenced).ToHashSet();
        Assert.Contains(typeof(IEnvironment), referenced);
        Assert.Contains(typeof(OracleReward), referenced);
        var viewReferences = TypeReferenceScanner.References(typeof(RewardFreeEnvironment)).Select(r => r.Referenced).ToHashSet();
        Assert.Contains(typeof(OracleStep), viewReferences);
    }

    [Fact]
    public void Agent_and_proxy_inputs_carry_no_reward_by_type()
    {
        foreach (var type in new[] { typeof(AgentContext), typeof(ProxyInputs) })
        {
            foreach (var p in type.GetProperties())
            {
                Assert.False(RewardCarriers.Contains(p.PropertyType.FullName!), $"{type.Name}.{p.Name} carries the reward");
                Assert.False(p.PropertyType == typeof(IEnvironment));
            }
        }
    }

    [Fact]
    public void Reward_free_view_drops_the_reward()
    {
        var members = typeof(IRewardFreeEnvironment).GetMethods().Select(m => m.ReturnType).ToList();
        Assert.DoesNotContain(typeof(OracleStep), members);
        Assert.Equal(typeof(StepStatus), typeof(IRewardFreeEnvironment).GetMethod(nameof(IRewardFreeEnvironment.Step))!.ReturnType);
        Assert.DoesNotContain(typeof(StepStatus).GetProperties(), p => p.PropertyType == typeof(double) || p.PropertyType == typeof(float));
    }
}
