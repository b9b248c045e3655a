using System.Collections.Concurrent;
using HpProxy.Core.Envs.Classic;
using HpProxy.Core.Envs.Demonstrators.Regimes;
using HpProxy.Core.Envs.Demonstrators.Scripted;
using HpProxy.Core.Spaces;

namespace HpProxy.Core.Envs.Demonstrators;

/// <summary>
/// The registry of demonstrators and regimes that study files name. Demonstrator names per task come from
/// <see cref="NamesFor"/> ("scripted" for every classic task); regimes are "clean" (the controller as is),
/// "synthetic" (<see cref="SyntheticRegimeConfig"/>) and "human-like" (<see cref="HumanLikeRegimeConfig"/>).
/// Note: inside namespaces under <c>HpProxy.Core.Envs</c> the name <c>Demonstrators</c> means this namespace;
/// write <c>Demonstrators.Demonstrators</c> there (elsewhere a <c>using</c> of this namespace suffices).
/// </summary>
public static class Demonstrators
{
    public const string Scripted = "scripted";
    public const string CleanRegime = "clean";

    public static IReadOnlyList<string> Regimes { get; } =
        [CleanRegime, SyntheticRegimeConfig.RegimeName, HumanLikeRegimeConfig.RegimeName];

    private static readonly Dictionary<string, Func<IDemonstrator>> ScriptedByTask = new(StringComparer.Ordinal)
    {
        ["pendulum"] = () => new PendulumSwingUp(),
        ["cartpole-swingup"] = () => new CartPoleSwingUpController(),
        ["cartpole-balance"] = () => new CartPoleBalanceController(),
        ["mountaincar"] = () => new MountainCarPump(),
        ["acrobot"] = () => new AcrobotSwingUp(),
        ["reacher2d"] = () => new ReacherIk(),
        ["pointmass"] = () => new PointMassPd(),
    };

    /// <summary>Demonstrators registered at startup (trained experts, e.g. "sac-expert" for MuJoCo tasks), by (task, name).</summary>
    private static readonly ConcurrentDictionary<(string Task, string Name), (int ActionSize, Func<IDemonstrator> Create, string? Version)> Registered = new();

    /// <summary>
    /// Makes a demonstrator available for a task (e.g. a trained policy loaded from <c>experts/</c>). Registering the
    /// same (task, name) again replaces it. <paramref name="create"/> must return a fresh instance per call (one per thread).
    /// <paramref name="version"/>: what identifies the trained policy (its artifact's hash), recorded in run specs
    /// (<see cref="Studies.DemoSpec.DemonstratorVersion"/>); null when it has none.
    /// </summary>
    public static void Register(string task, string name, int actionSize, Func<IDemonstrator> create, string? version = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(task);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(actionSize);
        if (name == Scripted && ScriptedByTask.ContainsKey(task))
            throw new ArgumentException($"'{Scripted}' is built in for task '{task}'", nameof(name));
        Registered[(task, name)] = (actionSize, create, version);
    }

    /// <summary>Demonstrator names available for a task: "scripted" for classic tasks, then registered ones in
    /// name order (empty for tasks without one yet, e.g. MuJoCo before a SAC expert exists).</summary>
    public static IReadOnlyList<string> NamesFor(string task)
    {
        var names = new List<string>();
        if (ScriptedByTask.ContainsKey(task)) names.Add(Scripted);
        names.AddRange(Registered.Keys.Where(k => k.Task == task).Select(k => k.Name).Order(StringComparer.Ordinal));
        return names;
    }

    /// <summary>The version a registered demonstrator was registered with; null for scripted controllers and
    /// unknown names.</summary>
    public static string? VersionOf(string task, string name) =>
        Registered.TryGetValue((task, name), out var registered) ? registered.Version : null;

    /// <summary>Creates a fresh demonstrator (one per thread) for the task, wrapped in the regime.</summary>
    /// <exception cref="ArgumentException">Unknown task/name/regime, or invalid regime parameters.</exception>
    public static IDemonstrator Create(string task, string name, string regime, HyperparameterSet parameters)
    {
        if (Registered.TryGetValue((task, name), out var registered))
            return Wrap(registered.Create(), registered.ActionSize, regime, parameters);
        if (!ScriptedByTask.TryGetValue(task, out var create))
            throw new ArgumentException($"no demonstrator for task '{task}'; tasks with one: {string.Join(", ", ScriptedByTask.Keys)}", nameof(task));
        if (name != Scripted)
            throw new ArgumentException($"unknown demonstrator '{name}' for task '{task}'; known: {string.Join(", ", NamesFor(task))}", nameof(name));
        int actionSize = new ClassicControlTasks().Tasks.First(t => t.Name == task).ActionSize;
        return Wrap(create(), actionSize, regime, parameters);
    }

    /// <summary>Wraps any demonstrator (scripted or a trained policy) in a regime.</summary>
    public static IDemonstrator Wrap(IDemonstrator inner, int actionSize, string regime, HyperparameterSet parameters)
    {
        var errors = ValidateRegime(regime, parameters);
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(parameters));
        return regime switch
        {
            CleanRegime => inner,
            SyntheticRegimeConfig.RegimeName => new SyntheticDemonstrator(inner, SyntheticRegimeConfig.From(parameters)),
            _ => new HumanLikeDemonstrator(inner, actionSize, HumanLikeRegimeConfig.From(parameters)),
        };
    }

    /// <summary>Validation errors of a regime and its parameters (empty when valid); unknown names are errors.</summary>
    public static IReadOnlyList<string> ValidateRegime(string regime, HyperparameterSet parameters) => regime switch
    {
        CleanRegime => parameters.Count == 0 ? [] : [$"regime '{CleanRegime}' takes no parameters (got {string.Join(", ", parameters.Keys)})"],
        SyntheticRegimeConfig.RegimeName => SyntheticRegimeConfig.Validate(parameters),
        HumanLikeRegimeConfig.RegimeName => HumanLikeRegimeConfig.Validate(parameters),
        _ => [$"unknown regime '{regime}'; known: {string.Join(", ", Regimes)}"],
    };
}
