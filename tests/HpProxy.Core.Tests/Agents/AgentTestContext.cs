using HpProxy.Core.Agents;
using HpProxy.Core.Common;
using HpProxy.Core.Envs.Data;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Tests.Agents;

internal static class AgentTestContext
{
    /// <summary>Small networks and batches, a short warm-up: for tests where only the plumbing is under test.</summary>
    public static (string, object)[] SmallSettings(IAlgorithm algorithm)
    {
        var names = algorithm.Hyperparameters.Select(h => h.Name).ToHashSet();
        var settings = new List<(string, object)> { ("hidden_units", 16), ("batch_size", 32) };
        if (names.Contains("warmup_steps")) settings.Add(("warmup_steps", 100));
        if (names.Contains("discriminator_hidden_units")) settings.Add(("discriminator_hidden_units", 16));
        if (names.Contains("discriminator_batch_size")) settings.Add(("discriminator_batch_size", 32));
        if (names.Contains("pretrain_steps")) settings.Add(("pretrain_steps", 50));
        return settings.ToArray();
    }

    /// <summary>A context on a real classic task with <paramref name="episodes"/> clean scripted demonstrations
    /// (seed 5) and a reward-free view of the task.</summary>
    public static (AgentContext Context, Trajectory[] Episodes) Classic(string task, int episodes, long budget, HyperparameterSet hp)
    {
        var tasks = new HpProxy.Core.Envs.Classic.ClassicControlTasks();
        var demonstrator = HpProxy.Core.Envs.Demonstrators.Demonstrators.Create(task, HpProxy.Core.Envs.Demonstrators.Demonstrators.Scripted,
            HpProxy.Core.Envs.Demonstrators.Demonstrators.CleanRegime, HyperparameterSet.Empty);
        var trajectories = DemoGenerator.Generate(tasks.Create(task), demonstrator, episodes, seed: 5).Select(e => e.ToTrajectory()).ToArray();
        var environment = tasks.Create(task);
        var info = environment.Info;
        var demos = new DemonstrationSet(task, info.ObservationSize, info.ActionSize, trajectories);
        var context = new AgentContext(info, new HpProxy.Core.Runs.RewardFreeEnvironment(environment), demos, ObservationStats.FromDemonstrations(demos),
            new SeedStreams(3), budget, hp);
        return (context, trajectories);
    }

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
