using HpProxy.Core.Spaces;

namespace HpProxy.Core.Agents.Hyperparameters;

/// <summary>
/// The hyperparameters of one algorithm: validation of a configuration (every problem at once, unknown
/// names with the closest known name) and typed reads that fall back to the defaults.
/// </summary>
public sealed class HpSchema
{
    private readonly Dictionary<string, HpSpec> _byName;

    public HpSchema(IEnumerable<HpSpec> specs)
    {
        Specs = specs.ToArray();
        _byName = new Dictionary<string, HpSpec>(StringComparer.Ordinal);
        foreach (var s in Specs)
        {
            if (!_byName.TryAdd(s.Name, s)) throw new ArgumentException($"hyperparameter '{s.Name}' declared twice");
            if (s.Check(s.Default) is { } problem) throw new ArgumentException("default is invalid: " + problem);
        }
        Infos = Specs.Select(s => s.Info).ToArray();
    }

    public IReadOnlyList<HpSpec> Specs { get; }

    public IReadOnlyList<HyperparameterInfo> Infos { get; }

    public IReadOnlyList<string> Validate(HyperparameterSet hyperparameters) => Validate(hyperparameters, extraCheck: null);

    /// <summary>Every problem, in name order; <paramref name="extraCheck"/> adds cross-parameter rules that run
    /// only when every value is individually valid.</summary>
    public IReadOnlyList<string> Validate(HyperparameterSet hyperparameters, Func<HyperparameterSet, IEnumerable<string>>? extraCheck)
    {
        var problems = new List<string>();
        foreach (var (name, value) in hyperparameters)
        {
            if (!_byName.TryGetValue(name, out var spec))
            {
                string? hint = NameSuggestion.Closest(name, _byName.Keys);
                problems.Add($"unknown hyperparameter '{name}'" + (hint is null ? "" : $" (did you mean '{hint}'?)"));
                continue;
            }
            if (spec.Check(value) is { } problem) problems.Add(problem);
        }
        if (problems.Count == 0 && extraCheck is not null) problems.AddRange(extraCheck(hyperparameters));
        return problems;
    }

    /// <summary>Throws with every problem listed when the configuration is invalid (Create calls this).</summary>
    public void EnsureValid(HyperparameterSet hyperparameters, Func<HyperparameterSet, IEnumerable<string>>? extraCheck = null)
    {
        var problems = Validate(hyperparameters, extraCheck);
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems));
    }
}
