using System.Globalization;
using HpProxy.Core.Spaces;
using YamlDotNet.RepresentationModel;

namespace HpProxy.Core.Studies;

internal sealed partial class StudyValidator
{
    internal static readonly string[] AlgorithmKeys = ["name", "budget", "samples", "space"];
    private static readonly string[] AlgorithmRequired = ["name", "budget"];

    private List<AlgorithmDefinition>? ReadAlgorithms(StudyFields f, int? checkpoints)
    {
        if (f.GetPresent("algorithms") is not { } node || _r.Sequence(node, "algorithms", nonEmpty: true) is not { } items) return null;
        var algorithms = new List<AlgorithmDefinition>();
        var firstSeen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        bool ok = true;
        for (int i = 0; i < items.Count; i++)
        {
            var algorithm = ReadAlgorithm(items[i], StudyYamlReader.Item("algorithms", i), checkpoints, firstSeen);
            if (algorithm is null) ok = false;
            else algorithms.Add(algorithm);
        }
        return ok ? algorithms : null;
    }

    private AlgorithmDefinition? ReadAlgorithm(YamlNode item, string path, int? checkpoints, Dictionary<string, YamlNode> firstSeen)
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
}
