using System.Text.RegularExpressions;
using HpProxy.Core.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HpProxy.Core.Studies;

/// <summary>
/// Walks a study file's YAML tree (YamlDotNet representation model, which keeps every node's line and column),
/// checks every key and value, and builds the <see cref="StudyDefinition"/> when nothing is wrong. A problem in
/// one part never stops the others from being checked; only a YAML syntax error does (there is no tree then).
/// </summary>
internal sealed partial class StudyValidator(string file, IStudyCatalog catalog, IDemonstrationFiles files)
{
    /// <summary>Default evaluation episodes per checkpoint (SPEC.md §5: E ≥ 10 by default).</summary>
    public const int DefaultEvaluationEpisodes = 10;

    internal static readonly string[] TopKeys =
        ["name", "description", "seed", "tasks", "demonstrations", "evaluation", "checkpoints", "seeds", "first_seed", "proxies", "algorithms", "analysis"];

    private static readonly string[] TopRequired = ["seed", "tasks", "demonstrations", "checkpoints", "seeds", "proxies", "algorithms"];

    private readonly StudyYamlReader _r = new(file);
    private readonly IStudyCatalog _catalog = catalog;
    private readonly IDemonstrationFiles _files = files;

    public StudyLoadResult Validate(string text)
    {
        var root = Parse(text);
        StudyDefinition? study = root is null ? null : ReadStudy(root, text);
        var errors = _r.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        var warnings = _r.Warnings.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        return new StudyLoadResult(errors.Count == 0 ? study : null, errors, warnings);
    }

    /// <summary>Only the seed and the analysis section (other keys are not checked); null on any problem there.</summary>
    public Analysis.AnalysisSettings? AnalysisOnly(string text)
    {
        var root = Parse(text);
        if (root is not YamlMappingNode mapping) return null;
        var f = new StudyFields(mapping, "");
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } k }) f.Add(k, key, value);
        }
        long? seed = f.GetPresent("seed") is { } s ? _r.Integer(s, "seed", 0, 1L << 53) : null;
        var settings = ReadAnalysis(f, seed);
        return _r.Errors.Count == 0 ? settings : null;
    }

    private YamlNode? Parse(string text)
    {
        var stream = new YamlStream();
        var parser = new TrackingParser(text);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            // "Duplicate key" and friends arrive as YamlException with the offending node's position.
            var at = ex.Start.Line > 0 ? ex.Start : parser.LastGood;
            SyntaxError(at, StripMarks(ex.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this without a position when the text ends inside a flow collection.
            SyntaxError(parser.LastGood, "the text after this point cannot be parsed (an unclosed '[', '{' or quote?)");
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // Any other parser failure is still a problem of the file, never a crash of the loader.
            SyntaxError(parser.LastGood, "the text after this point cannot be parsed (" + ex.Message + ")");
            return null;
        }
        if (stream.Documents.Count == 0 || StudyYamlReader.IsNull(stream.Documents[0].RootNode))
        {
            _r.Errors.Add(new StudyError(_r.File, 1, 1, "", "the study file is empty"));
            return null;
        }
        if (stream.Documents.Count > 1)
            _r.Error(stream.Documents[1].RootNode, "", "a study file holds one YAML document; remove the '---' separators");
        return stream.Documents[0].RootNode;
    }

    private void SyntaxError(Mark at, string message) =>
        _r.Errors.Add(new StudyError(_r.File, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column), "", "YAML syntax error: " + message));

    private StudyDefinition? ReadStudy(YamlNode root, string text)
    {
        var f = _r.Mapping(root, "", TopKeys, TopRequired);
        if (f is null) return null;

        string? name = ReadName(f);
        string description = f.GetPresent("description") is { } d ? _r.String(d, "description") ?? "" : "";
        long? seed = f.GetPresent("seed") is { } s ? _r.Integer(s, "seed", 0, 1L << 53) : null;
        long? checkpoints = f.GetPresent("checkpoints") is { } c ? _r.Integer(c, "checkpoints", 1, 10_000) : null;
        long? seeds = f.GetPresent("seeds") is { } n ? _r.Integer(n, "seeds", 1, 10_000) : null;
        long? firstSeed = f.GetPresent("first_seed") is { } fs ? _r.Integer(fs, "first_seed", 0, 1_000_000) : 0;
        int? evaluationEpisodes = ReadEvaluation(f);
        var tasks = ReadTasks(f);
        var demonstrations = ReadDemonstrations(f, tasks);
        var proxies = ReadProxies(f);
        var algorithms = ReadAlgorithms(f, (int?)checkpoints, tasks, demonstrations?.Select(d => d.Name).ToList());
        var analysis = ReadAnalysis(f, seed);

        if (name is null || seed is null || checkpoints is null || seeds is null || firstSeed is null || evaluationEpisodes is null
            || demonstrations is null || proxies is null || algorithms is null || analysis is null || _r.Errors.Count > 0)
            return null;
        return new StudyDefinition(
            name, description, _r.File, StableHash.Sha256Hex(text), text, (ulong)seed.Value,
            tasks, demonstrations, evaluationEpisodes.Value, (int)checkpoints.Value, (int)seeds.Value, proxies, algorithms)
        {
            Analysis = analysis,
            FirstSeed = (int)firstSeed.Value,
        };
    }

    /// <summary>The canonical study name: lower case, runs of other characters than [a-z0-9._-] become '-'. It names
    /// the results folder and the study database, so it must be safe in a path on every OS.</summary>
    public static string CanonicalName(string name) =>
        NonNameCharacters().Replace(name.Trim().ToLowerInvariant(), "-").Trim('-', '.', '_');

    private string? ReadName(StudyFields f)
    {
        var node = f.GetPresent("name");
        string? given = node is null ? Path.GetFileNameWithoutExtension(_r.File) : _r.String(node, "name");
        if (given is null) return null;
        string canonical = CanonicalName(given);
        if (canonical.Length == 0)
        {
            _r.Error(node ?? f.Node, "name", $"'{given}' has no letters or digits to make a study name from; add a 'name' key");
            return null;
        }
        if (node is not null && canonical != given)
            _r.Warn(node, "name", $"the study is named '{canonical}' (the canonical form of '{given}')");
        return canonical;
    }

    private int? ReadEvaluation(StudyFields f)
    {
        var node = f.GetPresent("evaluation");
        if (node is null) return DefaultEvaluationEpisodes;
        var e = _r.Mapping(node, "evaluation", ["episodes"], ["episodes"]);
        if (e?.GetPresent("episodes") is not { } episodes) return null;
        return (int?)_r.Integer(episodes, e.PathOf("episodes"), 1, 100_000);
    }

    private List<string> ReadTasks(StudyFields f)
    {
        var tasks = new List<string>();
        if (f.GetPresent("tasks") is not { } node || _r.Sequence(node, "tasks", nonEmpty: true) is not { } items) return tasks;
        var firstSeen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            string path = StudyYamlReader.Item("tasks", i);
            if (_r.Name(items[i], path) is not { } task) continue;
            if (firstSeen.TryGetValue(task, out var first))
            {
                _r.Error(items[i], path, $"task '{task}' is listed twice (first listed at {first.Start.Line}:{first.Start.Column})");
                continue;
            }
            firstSeen[task] = items[i];
            if (!_catalog.HasTask(task))
            {
                _r.Error(items[i], path, $"unknown task '{task}'{NameSuggestions.Hint(task, _catalog.TaskNames, "known tasks")}");
                continue;
            }
            tasks.Add(task);
        }
        return tasks;
    }

    private static string StripMarks(string message) =>
        MarkPrefix().Replace(message, "");

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();

    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex NonNameCharacters();
}
