using HpProxy.Core.Spaces;

namespace HpProxy.Core.Studies;

/// <summary>
/// What exists in this build: tasks, demonstrators, regimes, algorithms and proxies. The study validator asks it
/// every question about names and values, so Studies does not depend on Envs/Agents/Proxies implementations; the
/// real catalog (built from the task providers, algorithm factories and proxies) lives outside Studies, and tests
/// use a fake. Every <c>Validate*</c> method returns all problems at once, one sentence each, empty when valid.
/// </summary>
public interface IStudyCatalog
{
    bool HasTask(string task);

    IReadOnlyList<string> TaskNames { get; }

    /// <summary>Demonstrators available for <paramref name="task"/>; the first is the task's default.</summary>
    IReadOnlyList<string> DemonstratorsFor(string task);

    /// <summary>The version of a trained demonstrator (see <see cref="DemoSpec.DemonstratorVersion"/>); null for a
    /// scripted one, whose code version is the program's.</summary>
    string? DemonstratorVersion(string task, string demonstrator) => null;

    /// <summary>Problems with a regime name ("synthetic", "human-like") and its parameters.</summary>
    IReadOnlyList<string> ValidateRegime(string regime, HyperparameterSet parameters);

    IReadOnlyList<string> AlgorithmNames { get; }

    /// <summary>Every hyperparameter name <paramref name="algorithm"/> accepts (lets the validator name the unknown
    /// ones and suggest the closest known name).</summary>
    IReadOnlyList<string> HyperparameterNames(string algorithm);

    /// <summary>Problems with a (partial) configuration: the validator calls it with one hyperparameter at a time,
    /// set to each boundary value of its distribution (bounds, every choice, the constant).</summary>
    IReadOnlyList<string> ValidateHyperparameters(string algorithm, HyperparameterSet hyperparameters);

    IReadOnlyList<string> ProxyNames { get; }

    IReadOnlyList<string> ValidateProxySettings(string proxy, HyperparameterSet settings);
}
