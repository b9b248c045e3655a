using System.Globalization;
using System.Text;
using HpProxy.Core.Analysis;
using HpProxy.Core.Spaces;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HpProxy.Core.Studies;

/// <summary>One configuration a follow-up study re-runs, and the groups (tasks × one demonstration set) it runs on.</summary>
/// <param name="SelectedBy">Who picked it, per task: "pendulum: state_wasserstein, oracle".</param>
public sealed record FollowUpConfiguration(string Algorithm, string ConfigId, HyperparameterSet Hyperparameters,
    IReadOnlyList<string> Tasks, string Demonstrations, IReadOnlyList<string> SelectedBy);

/// <summary>What the follow-up study file says besides the original's keys.</summary>
/// <param name="Name">The follow-up's study name (conventionally <c>&lt;original&gt;-followup</c>).</param>
/// <param name="Original">The original study's name (for the header and description).</param>
/// <param name="Seeds">Fresh training seeds per configuration.</param>
/// <param name="FirstSeed">First fresh seed index: past every seed the original used.</param>
public sealed record FollowUpStudyRequest(string Name, string Original, int Seeds, int FirstSeed, IReadOnlyList<FollowUpConfiguration> Configurations);

/// <summary>
/// Writes the winner's-curse follow-up study (SPEC.md §6): the original study file with, per algorithm, the
/// configurations the proxies and the oracle picked (<see cref="FollowUpSelection"/>) as fixed
/// <c>configurations</c> instead of a sampled space, and fresh seeds (<c>first_seed</c> past the original's seeds).
/// Every other key is kept (study seed, demonstrations, evaluation, checkpoints, proxies, budgets), so the same
/// hyperparameters get the same configuration ids and every run is the run the original would have planned for that
/// configuration with more seeds. Comments of the original are not kept (YamlDotNet's tree does not hold them).
/// </summary>
public static class FollowUpStudy
{
    /// <summary>Distinct picks per (algorithm, configuration, demonstration set), with the tasks where they were
    /// picked and by whom; in the order the picks come (groups in ordinal order, proxies then the oracle).</summary>
    /// <param name="hyperparameters">Values of each (algorithm, configuration id), from the original's run specs.</param>
    public static IReadOnlyList<FollowUpConfiguration> Configurations(IReadOnlyList<FollowUpPick> picks,
        IReadOnlyDictionary<(string Algorithm, string ConfigId), HyperparameterSet> hyperparameters)
    {
        return [.. picks
            .GroupBy(p => (p.Algorithm, p.ConfigId, p.Demonstrations))
            .Select(g => new FollowUpConfiguration(g.Key.Algorithm, g.Key.ConfigId,
                hyperparameters.TryGetValue((g.Key.Algorithm, g.Key.ConfigId), out var set)
                    ? set
                    : throw new ArgumentException($"no hyperparameters for {g.Key.Algorithm} configuration {g.Key.ConfigId}", nameof(hyperparameters)),
                [.. g.Select(p => p.Task).Distinct(StringComparer.Ordinal)],
                g.Key.Demonstrations,
                [.. g.GroupBy(p => p.Task, StringComparer.Ordinal).Select(t => $"{t.Key}: {string.Join(", ", t.Select(p => p.Selector))}")]))];
    }

    /// <summary>The follow-up study file's text. Algorithms without a pick are left out.</summary>
    /// <exception cref="ArgumentException">The original text is not a study mapping, or nothing is to be re-run.</exception>
    public static string Write(string originalText, FollowUpStudyRequest request)
    {
        ArgumentNullException.ThrowIfNull(originalText);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Configurations.Count == 0) throw new ArgumentException("no configuration to re-run (no succeeded configuration in the study?)", nameof(request));
        var stream = new YamlStream();
        stream.Load(new StringReader(originalText));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode original)
            throw new ArgumentException("the original study file is not a YAML mapping", nameof(originalText));

        var root = new YamlMappingNode();
        root.Add("name", request.Name);
        root.Add("description", Quoted($"Winner's-curse follow-up of study '{request.Original}': the configuration each proxy and the oracle " +
            "selected over the whole pool of each group, re-run on fresh seeds."));
        foreach (var (key, value) in original.Children)
        {
            string k = ((YamlScalarNode)key).Value ?? "";
            switch (k)
            {
                case "name" or "description" or "first_seed":
                    break;
                case "seeds":
                    root.Add("seeds", Number(request.Seeds));
                    root.Add("first_seed", Number(request.FirstSeed));
                    break;
                case "algorithms":
                    root.Add("algorithms", Algorithms((YamlSequenceNode)value, request.Configurations));
                    break;
                default:
                    root.Add(key, value);
                    break;
            }
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Winner's-curse follow-up of study '{request.Original}' (SPEC.md §6), written by `hpproxy analyze {request.Original} --follow-up`.\n");
        text.Append(CultureInfo.InvariantCulture, $"# It re-runs, on fresh seeds {request.FirstSeed}..{request.FirstSeed + request.Seeds - 1}, the configuration each proxy (and the oracle)\n");
        text.Append("# selected over the whole pool of each (task, demonstrations, algorithm) group. Every other key is the original's,\n");
        text.Append("# so configuration ids are the original's. Once it has run, `hpproxy analyze " + request.Original + "` reports the winner's curse.\n");
        text.Append("# Picks (task: selector):\n");
        foreach (var c in request.Configurations)
            text.Append(CultureInfo.InvariantCulture, $"#   {c.Algorithm} {c.ConfigId} ({c.Demonstrations}): {string.Join("; ", c.SelectedBy)}\n");
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        // YamlDotNet ends a document with "...": harmless, but not how the study files are written.
        string body = writer.ToString();
        if (body.EndsWith("...\n", StringComparison.Ordinal)) body = body[..^4];
        return text.Append(body).ToString();
    }

    private static YamlSequenceNode Algorithms(YamlSequenceNode original, IReadOnlyList<FollowUpConfiguration> configurations)
    {
        var algorithms = new YamlSequenceNode();
        foreach (var item in original.Children.OfType<YamlMappingNode>())
        {
            string? name = item.Children.TryGetValue(new YamlScalarNode("name"), out var n) ? ((YamlScalarNode)n).Value : null;
            var mine = configurations.Where(c => c.Algorithm == name).ToList();
            if (mine.Count == 0) continue;
            var algorithm = new YamlMappingNode();
            foreach (var (key, value) in item.Children)
            {
                if (((YamlScalarNode)key).Value is "space" or "samples" or "configurations") continue;
                algorithm.Add(key, value);
            }
            var list = new YamlSequenceNode();
            foreach (var c in mine)
            {
                var hps = new YamlMappingNode();
                foreach (var (hp, value) in c.Hyperparameters) hps.Add(hp, Value(value));
                var entry = new YamlMappingNode { { "hyperparameters", hps } };
                entry.Add("tasks", new YamlSequenceNode(c.Tasks.Select(t => new YamlScalarNode(t))) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow });
                entry.Add("demonstrations", new YamlSequenceNode(new YamlScalarNode(c.Demonstrations)) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow });
                list.Add(entry);
            }
            algorithm.Add("configurations", list);
            algorithms.Add(algorithm);
        }
        if (algorithms.Children.Count == 0) throw new ArgumentException("none of the picked algorithms is in the original study file", nameof(configurations));
        return algorithms;
    }

    /// <summary>Numbers plain in round-trip form (read back as the same double); text always quoted, so it stays text
    /// ("64" vs 64 give different configuration ids). Booleans are the text "true"/"false" (<see cref="HpValue"/>).</summary>
    private static YamlScalarNode Value(HpValue value) =>
        value.Number is { } n ? new YamlScalarNode(n.ToString("R", CultureInfo.InvariantCulture)) : Quoted(value.Text!);

    private static YamlScalarNode Number(int n) => new(n.ToString(CultureInfo.InvariantCulture));

    private static YamlScalarNode Quoted(string text) => new(text) { Style = ScalarStyle.DoubleQuoted };
}
