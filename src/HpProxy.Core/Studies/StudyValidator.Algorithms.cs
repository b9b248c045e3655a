using System.Globalization;
using HpProxy.Core.Spaces;
using YamlDotNet.RepresentationModel;

namespace HpProxy.Core.Studies;

internal sealed partial class StudyValidator
{
    internal static readonly string[] AlgorithmKeys = ["name", "budget", "samples", "space", "configurations"];
    private static readonly string[] AlgorithmRequired = ["name", "budget"];

    /// <param name="tasks">The study's valid tasks (what <c>configurations[i].tasks</c> may name).</param>
    /// <param name="demonstrations">The study's demonstration set names; null when that section is invalid.</param>
    private List<AlgorithmDefinition>? ReadAlgorithms(StudyFields f, int? checkpoints, IReadOnlyList<string> tasks, IReadOnlyList<string>? demonstrations)
    {
        if (f.GetPresent("algorithms") is not { } node || _r.Sequence(node, "algorithms", nonEmpty: true) is not { } items) return null;
        var algorithms = new List<AlgorithmDefinition>();
        var firstSeen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        bool ok = true;
        for (int i = 0; i < items.Count; i++)
        {
            var algorithm = ReadAlgorithm(items[i], StudyYamlReader.Item("algorithms", i), checkpoints, firstSeen, tasks, demonstrations);
            if (algorithm is null) ok = false;
            else algorithms.Add(algorithm);
        }
        return ok ? algorithms : null;
    }

    private AlgorithmDefinition? ReadAlgorithm(YamlNode item, string path, int? checkpoints, Dictionary<string, YamlNode> firstSeen,
        IReadOnlyList<string> tasks, IReadOnlyList<string>? demonstrations)
    {
        var a = _r.Mapping(item, path, AlgorithmKeys, AlgorithmRequired);
        if (a is null) return null;

        string? name = a.GetPresent("name") is { } n ? _r.Name(n, a.PathOf("name")) : null;
        bool known = false;
        if (name is not null)
        {
            var nameNode = a.GetPresent("name")!;
            if (firstSeen.TryGetValue(name, out var first))
            {
                _r.Error(nameNode, a.PathOf("name"), $"algorithm '{name}' is listed twice (first listed at {first.Start.Line}:{first.Start.Column}); " +
                    "one entry per algorithm, with one search space");
                name = null;
            }
            else
            {
                firstSeen[name] = nameNode;
                known = _catalog.AlgorithmNames.Contains(name);
                if (!known)
                {
                    _r.Error(nameNode, a.PathOf("name"),
                        $"unknown algorithm '{name}'{NameSuggestions.Hint(name, _catalog.AlgorithmNames, "known algorithms")}");
                }
            }
        }

        long? budget = null;
        if (a.GetPresent("budget") is { } b)
        {
            budget = _r.Integer(b, a.PathOf("budget"), 1, 1_000_000_000_000);
            if (budget is { } value && checkpoints is { } c && value < c)
            {
                _r.Error(b, a.PathOf("budget"), string.Create(CultureInfo.InvariantCulture,
                    $"budget {value} is smaller than checkpoints ({c}): each checkpoint needs at least one step"));
                budget = null;
            }
        }

        if (a.GetPresent("configurations") is { } configurationsNode)
        {
            // Fixed configurations replace sampling: space and samples would say something else about the same runs.
            foreach (string other in new[] { "space", "samples" })
            {
                if (a.KeyNode(other) is { } otherKey)
                    _r.Error(otherKey, a.PathOf(other), $"'{other}' cannot be combined with 'configurations' (explicit configurations are not sampled); remove one of them");
            }
            var configurations = ReadConfigurations(configurationsNode, a.PathOf("configurations"), known ? name : null, tasks, demonstrations);
            if (name is null || !known || budget is null || configurations is null || a.KeyNode("space") is not null || a.KeyNode("samples") is not null) return null;
            return new AlgorithmDefinition(name, budget.Value, configurations.Count, SearchSpace.Empty) { Configurations = configurations };
        }

        var space = a.GetPresent("space") is { } s ? ReadSpace(s, a.PathOf("space"), known ? name : null) : SearchSpace.Empty;

        int? samples = null;
        if (a.GetPresent("samples") is { } sampleNode)
        {
            samples = (int?)_r.Integer(sampleNode, a.PathOf("samples"), 1, 1_000_000);
            if (samples > 1 && space is { IsRandom: false })
            {
                _r.Error(sampleNode, a.PathOf("samples"), $"samples is {samples} but the space has no random distribution, so every " +
                    "sample is the same configuration; use samples: 1 (repeat runs with 'seeds')");
                samples = null;
            }
            else if (samples is { } k && space?.Cardinality is { } cardinality && cardinality < k)
            {
                _r.Warn(sampleNode, a.PathOf("samples"), string.Create(CultureInfo.InvariantCulture,
                    $"the space has only {cardinality} distinct configurations, fewer than samples ({k}); each distinct configuration runs once"));
            }
        }
        else if (space is { IsRandom: true })
        {
            _r.Error(a.Node, a.PathOf("samples"), "missing required key 'samples': the space has random distributions, so say how many configurations to draw");
        }
        else
        {
            samples = 1;
        }

        if (name is null || !known || budget is null || samples is null || space is null) return null;
        return new AlgorithmDefinition(name, budget.Value, samples.Value, space);
    }

    /// <summary>
    /// A search space: a mapping hyperparameter → distribution. Each name must be one the algorithm accepts, and each
    /// boundary value of its distribution (both bounds, every choice, the constant) must be a value the algorithm
    /// accepts: a bad bound is reported now, not in the one run that samples it.
    /// </summary>
    private SearchSpace? ReadSpace(YamlNode node, string path, string? algorithm)
    {
        if (node is not YamlMappingNode mapping)
        {
            _r.Error(node, path, $"expected a mapping of hyperparameter: distribution, found {StudyYamlReader.Describe(node)}");
            return null;
        }
        var accepted = algorithm is null ? null : _catalog.HyperparameterNames(algorithm);
        var distributions = new List<KeyValuePair<string, HpDistribution>>();
        bool ok = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } hp } || !StudyYamlReader.NamePattern().IsMatch(hp))
            {
                _r.Error(keyNode, path, "hyperparameter names must be plain names");
                ok = false;
                continue;
            }
            string hpPath = StudyYamlReader.Join(path, hp);
            var distribution = SpaceReader.Read(_r, valueNode, hpPath);
            if (accepted is not null && !accepted.Contains(hp))
            {
                _r.Error(keyNode, hpPath, $"unknown hyperparameter '{hp}' for {algorithm}{NameSuggestions.Hint(hp, accepted, algorithm + " accepts")}");
                ok = false;
                continue;
            }
            if (distribution is null)
            {
                ok = false;
                continue;
            }
            if (algorithm is not null)
            {
                var problems = distribution.BoundaryValues
                    .SelectMany(v => _catalog.ValidateHyperparameters(algorithm, new HyperparameterSet([KeyValuePair.Create(hp, v)])))
                    .Distinct();
                foreach (var problem in problems)
                {
                    _r.Error(valueNode, hpPath, problem);
                    ok = false;
                }
            }
            distributions.Add(KeyValuePair.Create(hp, distribution));
        }
        return ok ? new SearchSpace(distributions) : null;
    }

    internal static readonly string[] ConfigurationKeys = ["hyperparameters", "tasks", "demonstrations"];

    /// <summary>
    /// <c>configurations</c>: a list of explicit configurations, each a mapping with <c>hyperparameters</c> (name →
    /// value, checked like a space's constants; empty = the algorithm's defaults) and optional <c>tasks</c> and
    /// <c>demonstrations</c> lists restricting where it runs (absent = everywhere). The same values may appear twice
    /// only for disjoint (task, demonstration set) groups, so no run is planned twice.
    /// </summary>
    private List<FixedConfiguration>? ReadConfigurations(YamlNode node, string path, string? algorithm,
        IReadOnlyList<string> tasks, IReadOnlyList<string>? demonstrations)
    {
        if (_r.Sequence(node, path, nonEmpty: true) is not { } items) return null;
        var accepted = algorithm is null ? null : _catalog.HyperparameterNames(algorithm);
        var result = new List<(FixedConfiguration Configuration, string Id, YamlNode Node, int Index)>();
        bool ok = true;
        for (int i = 0; i < items.Count; i++)
        {
            string itemPath = StudyYamlReader.Item(path, i);
            var c = _r.Mapping(items[i], itemPath, ConfigurationKeys, ["hyperparameters"]);
            if (c is null || c.HasUnknownKeys || c.GetPresent("hyperparameters") is not { } hpNode)
            {
                ok = false;
                continue;
            }
            int errorsBefore = _r.Errors.Count;
            var set = ReadFixedHyperparameters(hpNode, c.PathOf("hyperparameters"), algorithm, accepted);
            var onlyTasks = c.GetPresent("tasks") is { } t ? ReadSubset(t, c.PathOf("tasks"), tasks, "task", "tasks") : null;
            var onlyDemonstrations = c.GetPresent("demonstrations") is { } d && demonstrations is not null
                ? ReadSubset(d, c.PathOf("demonstrations"), demonstrations, "demonstration set", "demonstrations")
                : null;
            if (set is null || _r.Errors.Count > errorsBefore || algorithm is null)
            {
                ok = false;
                continue;
            }
            var configuration = new FixedConfiguration(set, onlyTasks, onlyDemonstrations);
            string id = ConfigurationSampler.ConfigurationId(algorithm, set);
            var clash = result.FirstOrDefault(r => r.Id == id && r.Configuration.Overlaps(configuration));
            if (clash.Node is not null)
            {
                _r.Error(items[i], itemPath, string.Create(CultureInfo.InvariantCulture,
                    $"the same hyperparameters as {StudyYamlReader.Item(path, clash.Index)} (line {clash.Node.Start.Line}) for a task and demonstration set both cover; list each configuration once per group"));
                ok = false;
                continue;
            }
            result.Add((configuration, id, items[i], i));
        }
        return ok ? [.. result.Select(r => r.Configuration)] : null;
    }

    /// <summary>A configuration's values: names the algorithm accepts, values it accepts (checked together, so a
    /// rule across hyperparameters is checked too).</summary>
    private HyperparameterSet? ReadFixedHyperparameters(YamlNode node, string path, string? algorithm, IReadOnlyList<string>? accepted)
    {
        if (_r.Set(node, path) is not { } set) return null;
        bool ok = true;
        if (accepted is not null && node is YamlMappingNode mapping)
        {
            foreach (var (keyNode, _) in mapping.Children)
            {
                if (keyNode is YamlScalarNode { Value: { } hp } && !accepted.Contains(hp))
                {
                    _r.Error(keyNode, StudyYamlReader.Join(path, hp), $"unknown hyperparameter '{hp}' for {algorithm}{NameSuggestions.Hint(hp, accepted, algorithm + " accepts")}");
                    ok = false;
                }
            }
        }
        if (!ok || algorithm is null) return ok ? set : null;
        foreach (var problem in _catalog.ValidateHyperparameters(algorithm, set).Distinct())
        {
            _r.Error(node, path, problem);
            ok = false;
        }
        return ok ? set : null;
    }

    /// <summary>A non-empty list of names, each one of <paramref name="allowed"/>, each once.</summary>
    private List<string>? ReadSubset(YamlNode node, string path, IReadOnlyList<string> allowed, string what, string section)
    {
        if (_r.Sequence(node, path, nonEmpty: true) is not { } items) return null;
        var names = new List<string>();
        bool ok = true;
        for (int i = 0; i < items.Count; i++)
        {
            string itemPath = StudyYamlReader.Item(path, i);
            if (_r.Name(items[i], itemPath) is not { } name)
            {
                ok = false;
                continue;
            }
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                _r.Error(items[i], itemPath, $"'{name}' is not a {what} of this study{NameSuggestions.Hint(name, allowed, "its " + section)}");
                ok = false;
            }
            else if (names.Contains(name, StringComparer.Ordinal))
            {
                _r.Error(items[i], itemPath, $"{what} '{name}' is listed twice");
                ok = false;
            }
            else
            {
                names.Add(name);
            }
        }
        return ok ? names : null;
    }
}
