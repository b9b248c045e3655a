using HpProxy.Core.Agents;
using HpProxy.Core.Common;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Tests.Agents;

internal static class AgentTestContext
{
    public static HyperparameterSet Hp(params (string Name, object Value)[] values) =>
        new(values.Select(v => new KeyValuePair<string, HpValue>(v.Name, v.Value switch
        {
            string s => HpValue.Of(s),
            bool b => HpValue.Of(b),
            int i => HpValue.Of(i),
            double d => HpValue.Of(d),
            _ => throw new ArgumentException("unsupported value"),
        })));

    /// <summary>A context on <see cref="PointTask"/> with 5 expert episodes.</summary>
    public static AgentContext Point(long budget, HyperparameterSet hp, ulong seed = 1, bool terminatesEarly = false, int horizon = 50)
    {
        var task = new PointTask(horizon, terminatesEarly);
        var demos = PointTask.Demonstrations(5, 42, horizon);
        return new AgentContext(task.Info, task, demos, ObservationStats.FromDemonstrations(demos), new SeedStreams(seed), budget, hp);
    }
}
