using HpProxy.Core.Spaces;

namespace HpProxy.Core.Agents;

/// <summary>
/// An imitation algorithm as a study sees it: its name, its step unit, the hyperparameters it accepts, and
/// a factory for learners. One implementation per algorithm folder (<c>Agents/Bc/BcFactory.cs</c>, ...).
/// </summary>
public interface IAlgorithm
{
    /// <summary>Name used in study files ("bc", "gail", "dac", "pwil", ...).</summary>
    string Name { get; }

    /// <summary>True when the learner interacts with the environment (its budget counts environment steps).</summary>
    bool IsOnline { get; }

    /// <summary>Every hyperparameter name this algorithm accepts, with a one-line description and its default.</summary>
    IReadOnlyList<HyperparameterInfo> Hyperparameters { get; }

    /// <summary>Every problem with a configuration, all at once (unknown names, out-of-range values). Empty when valid.</summary>
    IReadOnlyList<string> Validate(HyperparameterSet hyperparameters);

    ILearner Create(AgentContext context);

    /// <summary>The configuration a learner of <paramref name="given"/> is built from: every declared hyperparameter,
    /// with the given value or else this code's default. Workers record it with each run, so a study resumed after a
    /// default changed can say which of its runs were trained with the old one (<see cref="DefaultsDrift"/>); the run
    /// id cannot, since it hashes only what the study file sets.</summary>
    HyperparameterSet Resolve(HyperparameterSet given) =>
        new(Hyperparameters.Select(h => KeyValuePair.Create(h.Name, given.TryGetValue(h.Name, out var value) ? value : h.Default)));
}

/// <summary>Documentation of one hyperparameter: its default and the range a study may sensibly sweep.</summary>
public sealed record HyperparameterInfo(string Name, HpValue Default, string Description, string SuggestedRange);
