using HpProxy.Core.Spaces;
using YamlDotNet.RepresentationModel;

namespace HpProxy.Core.Studies;

/// <summary>
/// Demonstration sets read from files: <c>file: path</c> (the set covers the task the file was recorded on) or
/// <c>file: {task: path, ...}</c>, paths relative to the study file's folder. Each file is read and checked here,
/// before anything runs (<see cref="IDemonstrationFiles"/>); its content hash goes into the runs' specs.
/// </summary>
internal sealed partial class StudyValidator
{
    private static readonly string[] GeneratorKeys = ["demonstrator", "regime", "parameters"];

    private DemonstrationSetDefinition? ReadFileSet(StudyFields d, string? name, IReadOnlyList<string> tasks, int? train, int? validation)
    {
        bool ok = true;
        foreach (var key in GeneratorKeys)
        {
            if (d.Get(key) is null) continue;
            _r.Error(d.KeyNode(key)!, d.PathOf(key), $"a set read from a file takes its demonstrations from the file; remove '{key}' (or remove 'file' to generate them)");
            ok = false;
        }

        var fileNode = d.Get("file")!;
        string filePath = d.PathOf("file");
        var entries = new List<(string? Task, YamlNode Node, string Path)>();
        if (fileNode is YamlMappingNode map)
        {
            if (map.Children.Count == 0)
            {
                _r.Error(map, filePath, "the mapping is empty; give task: path pairs");
                ok = false;
            }
            foreach (var (keyNode, valueNode) in map.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { } task })
                {
                    _r.Error(keyNode, filePath, "keys must be task names");
                    ok = false;
                    continue;
                }
                string itemPath = StudyYamlReader.Join(filePath, task);
                if (!tasks.Contains(task))
                {
                    _r.Error(keyNode, itemPath, $"task '{task}' is not among this study's tasks{NameSuggestions.Hint(task, tasks, "tasks")}");
                    ok = false;
                    continue;
                }
                if (_r.String(valueNode, itemPath) is { } path) entries.Add((task, valueNode, itemPath));
                else ok = false;
            }
        }
        else if (_r.String(fileNode, filePath) is not null)
        {
            entries.Add((null, fileNode, filePath));
        }
        else
        {
            ok = false;
        }

        var references = ReadReferenceReturns(d, tasks);
        if (references is null) ok = false;

        var files = new Dictionary<string, DemoFileDefinition>(StringComparer.Ordinal);
        var demonstrators = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (expectedTask, node, keyPath) in entries)
        {
            string given = ((YamlScalarNode)node).Value!;
            string resolved = ResolveAgainstStudyFile(given);
            var check = _files.Inspect(resolved);
            if (check.Facts is not { } facts)
            {
                foreach (var problem in check.Problems.DefaultIfEmpty("the file cannot be used"))
                    _r.Error(node, keyPath, $"{given}: {problem}");
                ok = false;
                continue;
            }
            if (expectedTask is not null && facts.Task != expectedTask)
            {
                _r.Error(node, keyPath, $"{given} holds demonstrations of task '{facts.Task}', not '{expectedTask}'");
                ok = false;
                continue;
            }
            if (!tasks.Contains(facts.Task))
            {
                _r.Error(node, keyPath, $"{given} holds demonstrations of task '{facts.Task}', which is not among this study's tasks");
                ok = false;
                continue;
            }
            if (files.ContainsKey(facts.Task))
            {
                _r.Error(node, keyPath, $"task '{facts.Task}' has two files");
                ok = false;
                continue;
            }
            if (train is { } t && validation is { } v && t + v > facts.Episodes)
            {
                var at = d.GetPresent("episodes") ?? node;
                _r.Error(at, d.PathOf("episodes"), $"train + validation = {t + v} episodes, but {given} holds only {facts.Episodes}");
                ok = false;
            }
            double? reference = null;
            if (references is not null && references.TryGetValue(facts.Task, out var r)) reference = r;
            else if (references is not null && references.TryGetValue("", out var all)) reference = all;
            if (!facts.HasRewards && reference is null && references is not null)
            {
                _r.Error(node, keyPath, $"{given} has no rewards, so the demonstrator's return on '{facts.Task}' is unknown: "
                    + "give reference_return (the demonstrator's mean return, for the normalised score)");
                ok = false;
            }
            files[facts.Task] = new DemoFileDefinition(resolved, facts.Sha256, facts.Episodes, facts.HasRewards, reference);
            demonstrators[facts.Task] = facts.Demonstrator;
        }
        if (references is not null)
        {
            foreach (var (task, _) in references)
            {
                if (task.Length > 0 && ok && !files.ContainsKey(task))
                {
                    _r.Error(d.GetPresent("reference_return")!, StudyYamlReader.Join(d.PathOf("reference_return"), task),
                        $"task '{task}' has no file in this set");
                    ok = false;
                }
            }
        }

        if (!ok || name is null || train is null || validation is null) return null;
        return new DemonstrationSetDefinition(name, demonstrators, DemonstrationSetDefinition.FileRegime, HyperparameterSet.Empty,
            train.Value, validation.Value)
        {
            Files = files,
        };
    }

    /// <summary><c>reference_return</c>: absent, one number (key "" = every file of the set), or task → number.
    /// Null when malformed.</summary>
    private Dictionary<string, double>? ReadReferenceReturns(StudyFields d, IReadOnlyList<string> tasks)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (d.GetPresent("reference_return") is not { } node) return result;
        string path = d.PathOf("reference_return");
        if (node is YamlMappingNode map)
        {
            bool ok = true;
            foreach (var (keyNode, valueNode) in map.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { } task } || !tasks.Contains(task))
                {
                    _r.Error(keyNode, path, $"keys must be this study's task names{NameSuggestions.Hint((keyNode as YamlScalarNode)?.Value ?? "", tasks, "tasks")}");
                    ok = false;
                    continue;
                }
                if (_r.Number(valueNode, StudyYamlReader.Join(path, task)) is { } value) result[task] = value;
                else ok = false;
            }
            return ok ? result : null;
        }
        if (_r.Number(node, path) is not { } one) return null;
        result[""] = one;
        return result;
    }

    /// <summary>A <c>file:</c> value relative to the study file's folder (absolute paths stay as they are). Pure
    /// path arithmetic: reading is <see cref="IDemonstrationFiles"/>'s.</summary>
    private string ResolveAgainstStudyFile(string given)
    {
        if (Path.IsPathRooted(given)) return given;
        string folder = Path.GetDirectoryName(_r.File) ?? "";
        return folder.Length == 0 ? given : Path.Combine(folder, given);
    }
}
