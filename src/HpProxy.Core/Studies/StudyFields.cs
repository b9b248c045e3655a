using YamlDotNet.RepresentationModel;

namespace HpProxy.Core.Studies;

/// <summary>The known fields of one YAML mapping, with its dotted path, for <see cref="StudyYamlReader"/>.</summary>
internal sealed class StudyFields(YamlMappingNode node, string path)
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);

    public YamlMappingNode Node { get; } = node;
    public string Path { get; } = path;

    /// <summary>True when the mapping had keys outside the known set (already reported).</summary>
    public bool HasUnknownKeys { get; set; }

    public void Add(string key, YamlNode keyNode, YamlNode value) => _fields[key] = (keyNode, value);

    /// <summary>The value node, or null when the key is absent.</summary>
    public YamlNode? Get(string key) => _fields.TryGetValue(key, out var f) ? f.Value : null;

    /// <summary>The value node unless absent or an explicit null (<c>key:</c> or <c>key: ~</c>).</summary>
    public YamlNode? GetPresent(string key) => Get(key) is { } v && !StudyYamlReader.IsNull(v) ? v : null;

    public YamlNode? KeyNode(string key) => _fields.TryGetValue(key, out var f) ? f.Key : null;

    public string PathOf(string key) => StudyYamlReader.Join(Path, key);
}
