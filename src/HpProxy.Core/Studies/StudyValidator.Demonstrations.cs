using HpProxy.Core.Spaces;
using YamlDotNet.RepresentationModel;

namespace HpProxy.Core.Studies;

internal sealed partial class StudyValidator
{
    internal static readonly string[] DemoKeys = ["name", "demonstrator", "regime", "parameters", "episodes", "file", "reference_return"];
    private static readonly string[] DemoRequired = ["name", "episodes"];

    private List<DemonstrationSetDefinition>? ReadDemonstrations(StudyFields f, IReadOnlyList<string> tasks)
    {
        if (f.GetPresent("demonstrations") is not { } node || _r.Sequence(node, "demonstrations", nonEmpty: true) is not { } items)
            return null;
        var sets = new List<DemonstrationSetDefinition>();
        var firstSeen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        bool ok = true;
        for (int i = 0; i < items.Count; i++)
        {
            var set = ReadDemonstrationSet(items[i], StudyYamlReader.Item("demonstrations", i), tasks, firstSeen);
            if (set is null) ok = false;
            else sets.Add(set);
        }
        return ok ? sets : null;
    }

    private DemonstrationSetDefinition? ReadDemonstrationSet(
        YamlNode node, string path, IReadOnlyList<string> tasks, Dictionary<string, YamlNode> firstSeen)
    {
        var d = _r.Mapping(node, path, DemoKeys, DemoRequired);
        if (d is null) return null;

        string? name = d.GetPresent("name") is { } n ? _r.Name(n, d.PathOf("name")) : null;
        if (name is not null)
        {
            if (firstSeen.TryGetValue(name, out var first))
            {
                _r.Error(d.GetPresent("name")!, d.PathOf("name"), $"demonstration set '{name}' is listed twice (first listed at {first.Start.Line}:{first.Start.Column})");
                name = null;
            }
            else
            {
                firstSeen[name] = d.GetPresent("name")!;
            }
        }

        int? train = null, validation = null;
        if (d.GetPresent("episodes") is { } e && _r.Mapping(e, d.PathOf("episodes"), ["train", "validation"], ["train", "validation"]) is { } ep)
        {
            train = ep.GetPresent("train") is { } t ? (int?)_r.Integer(t, ep.PathOf("train"), 1, 1_000_000) : null;
            validation = ep.GetPresent("validation") is { } v ? (int?)_r.Integer(v, ep.PathOf("validation"), 1, 1_000_000) : null;
        }

        if (d.Get("file") is not null) return ReadFileSet(d, name, tasks, train, validation);
        if (d.GetPresent("reference_return") is { } stray)
            _r.Error(stray, d.PathOf("reference_return"), "reference_return is for demonstration sets read from a file (file: ...); a generated set's reference is its demonstrator's mean return");

        var parameters = d.GetPresent("parameters") is { } p ? _r.Set(p, d.PathOf("parameters")) : HyperparameterSet.Empty;
        string? regime = null;
        if (d.GetPresent("regime") is { } r) regime = _r.String(r, d.PathOf("regime"));
        else if (!d.HasUnknownKeys) _r.Error(d.Node, d.PathOf("regime"), "missing required key 'regime' (synthetic or human-like; or give 'file' to read the demonstrations from a file)");
        if (regime is not null && parameters is not null)
        {
            foreach (var problem in _catalog.ValidateRegime(regime, parameters).Distinct())
                _r.Error(d.GetPresent("regime")!, d.PathOf("regime"), problem);
        }

        var demonstrators = ReadDemonstrators(d, tasks);

        if (name is null || regime is null || parameters is null || demonstrators is null || train is null || validation is null)
            return null;
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (task, demonstrator) in demonstrators)
        {
            if (_catalog.DemonstratorVersion(task, demonstrator) is { } version) versions[task] = version;
        }
        return new DemonstrationSetDefinition(name, demonstrators, regime, parameters, train.Value, validation.Value) { DemonstratorVersionByTask = versions };
    }

    /// <summary>
    /// Resolves the demonstrator of every task. <c>demonstrator</c> may be absent (each task's default, the first the
    /// catalog lists), one name (used for every task), or a mapping task → name (tasks not listed use their default).
    /// Demonstrators are per task (an energy-shaping controller swings a pendulum, not a cart-pole), hence the map.
    /// </summary>
    private Dictionary<string, string>? ReadDemonstrators(StudyFields d, IReadOnlyList<string> tasks)
    {
        var node = d.GetPresent("demonstrator");
        string path = d.PathOf("demonstrator");
        var chosen = new Dictionary<string, (string Name, YamlNode Node)>(StringComparer.Ordinal);
        bool ok = true;
        if (node is YamlMappingNode map)
        {
            foreach (var (keyNode, valueNode) in map.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { } task })
                {
                    _r.Error(keyNode, path, "keys must be task names");
                    ok = false;
                    continue;
                }
                string itemPath = StudyYamlReader.Join(path, task);
                if (!tasks.Contains(task))
                {
                    _r.Error(keyNode, itemPath, $"task '{task}' is not among this study's tasks{NameSuggestions.Hint(task, tasks, "tasks")}");
                    ok = false;
                    continue;
                }
                if (_r.Name(valueNode, itemPath) is { } demonstrator) chosen[task] = (demonstrator, valueNode);
                else ok = false;
            }
        }
        else if (node is not null)
        {
            if (_r.Name(node, path) is { } demonstrator)
                foreach (var task in tasks) chosen[task] = (demonstrator, node);
            else ok = false;
        }

        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            var available = _catalog.DemonstratorsFor(task);
            if (chosen.TryGetValue(task, out var choice))
            {
                if (!available.Contains(choice.Name))
                {
                    _r.Error(choice.Node, path,
                        $"demonstrator '{choice.Name}' is not available for task '{task}'{NameSuggestions.Hint(choice.Name, available, "available")}");
                    ok = false;
                    continue;
                }
                resolved[task] = choice.Name;
            }
            else if (available.Count == 0)
            {
                _r.Error(node ?? d.Node, path, $"task '{task}' has no demonstrator");
                ok = false;
            }
            else
            {
                resolved[task] = available[0];
            }
        }
        return ok ? resolved : null;
    }
}
