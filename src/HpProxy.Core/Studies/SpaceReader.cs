using System.Globalization;
using HpProxy.Core.Spaces;
using YamlDotNet.RepresentationModel;

namespace HpProxy.Core.Studies;

/// <summary>
/// Reads one distribution of a search space:
/// a plain scalar (constant), <c>{constant: v}</c>, <c>{choice: [a, b, ...]}</c>, <c>{uniform: [low, high]}</c>,
/// <c>{log_uniform: [low, high]}</c> or <c>{int: [low, high]}</c> with optional <c>log: true</c>.
/// </summary>
internal static class SpaceReader
{
    private static readonly string[] Kinds = ["choice", "uniform", "log_uniform", "int", "constant"];
    internal static readonly string[] Keys = [.. Kinds, "log"];

    public static HpDistribution? Read(StudyYamlReader r, YamlNode node, string path)
    {
        switch (node)
        {
            case YamlScalarNode:
                return r.Value(node, path) is { } constant ? new ConstantDistribution(constant) : null;
            case YamlSequenceNode:
                r.Error(node, path, "a list is not a distribution: write {choice: [a, b]} for a choice or {uniform: [low, high]} for a range");
                return null;
        }
        var f = r.Mapping(node, path, Keys, []);
        if (f is null) return null;
        var kinds = Kinds.Where(k => f.Get(k) is not null).ToList();
        if (kinds.Count == 0 && f.HasUnknownKeys) return null; // the misspelt kind is reported, with a suggestion
        if (kinds.Count != 1)
        {
            r.Error(node, path, kinds.Count == 0
                ? "expected one of " + string.Join(", ", Kinds.Select(k => "'" + k + "'"))
                : "give exactly one distribution, found " + string.Join(" and ", kinds.Select(k => "'" + k + "'")));
            return null;
        }
        string kind = kinds[0];
        var value = f.Get(kind)!;
        bool log = false;
        if (f.Get("log") is { } logNode)
        {
            if (kind != "int")
            {
                r.Error(logNode, path, "'log' applies to int only; use log_uniform for real numbers");
                return null;
            }
            if (r.Bool(logNode, path) is not { } b) return null;
            log = b;
        }
        return kind switch
        {
            "constant" => r.Value(value, path) is { } c ? new ConstantDistribution(c) : null,
            "choice" => ReadChoice(r, value, path),
            "uniform" => ReadUniform(r, value, path, logScale: false),
            "log_uniform" => ReadUniform(r, value, path, logScale: true),
            _ => ReadInt(r, value, path, log),
        };
    }

    private static ChoiceDistribution? ReadChoice(StudyYamlReader r, YamlNode node, string path)
    {
        if (r.Sequence(node, path, nonEmpty: true) is not { } items) return null;
        var values = new List<HpValue>();
        bool ok = true;
        foreach (var item in items)
        {
            if (r.Value(item, path) is not { } v)
            {
                ok = false;
                continue;
            }
            if (values.Contains(v))
            {
                r.Error(item, path, $"choice lists {v} twice (a repeated value would be drawn twice as often)");
                ok = false;
                continue;
            }
            values.Add(v);
        }
        return ok ? new ChoiceDistribution(values) : null;
    }

    private static HpDistribution? ReadUniform(StudyYamlReader r, YamlNode node, string path, bool logScale)
    {
        string kind = logScale ? "log_uniform" : "uniform";
        if (Pair(r, node, path, kind) is not { } pair) return null;
        double? low = r.Number(pair.Low, path), high = r.Number(pair.High, path);
        if (low is null || high is null) return null;
        bool ok = true;
        if (logScale && !(low > 0))
        {
            r.Error(pair.Low, path, Invariant($"log_uniform needs low > 0, found {low}"));
            ok = false;
        }
        if (!(low < high))
        {
            r.Error(node, path, Invariant($"{kind} needs low < high, found [{low}, {high}]"));
            ok = false;
        }
        if (!ok) return null;
        return logScale ? new LogUniformDistribution(low!.Value, high!.Value) : new UniformDistribution(low!.Value, high!.Value);
    }

    private static IntDistribution? ReadInt(StudyYamlReader r, YamlNode node, string path, bool log)
    {
        if (Pair(r, node, path, "int") is not { } pair) return null;
        long? low = r.Integer(pair.Low, path, -IntDistribution.MaxMagnitude, IntDistribution.MaxMagnitude);
        long? high = r.Integer(pair.High, path, -IntDistribution.MaxMagnitude, IntDistribution.MaxMagnitude);
        if (low is null || high is null) return null;
        if (low > high)
        {
            r.Error(node, path, Invariant($"int needs low <= high, found [{low}, {high}]"));
            return null;
        }
        if (log && low < 1)
        {
            r.Error(pair.Low, path, Invariant($"int with log: true needs low >= 1, found {low}"));
            return null;
        }
        return new IntDistribution(low.Value, high.Value, log);
    }

    private static (YamlNode Low, YamlNode High)? Pair(StudyYamlReader r, YamlNode node, string path, string kind)
    {
        if (node is YamlSequenceNode { Children.Count: 2 } s) return (s.Children[0], s.Children[1]);
        r.Error(node, path, $"{kind} expects [low, high], found {StudyYamlReader.Describe(node)}" +
            (node is YamlSequenceNode seq ? Invariant($" of {seq.Children.Count} item{(seq.Children.Count == 1 ? "" : "s")}") : ""));
        return null;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
