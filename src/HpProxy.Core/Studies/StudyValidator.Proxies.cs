using HpProxy.Core.Spaces;
using YamlDotNet.RepresentationModel;

namespace HpProxy.Core.Studies;

internal sealed partial class StudyValidator
{
    private List<ProxySpec>? ReadProxies(StudyFields f)
    {
        if (f.GetPresent("proxies") is not { } node || _r.Sequence(node, "proxies", nonEmpty: true) is not { } items) return null;
        var proxies = new List<ProxySpec>();
        var firstSeen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        bool ok = true;
        for (int i = 0; i < items.Count; i++)
        {
            string path = StudyYamlReader.Item("proxies", i);
            var proxy = ReadProxy(items[i], path, firstSeen);
            if (proxy is null) ok = false;
            else proxies.Add(proxy);
        }
        return ok ? proxies : null;
    }

    /// <summary>A proxy is a bare name (default settings) or <c>{name: ..., settings: {...}}</c>.</summary>
    private ProxySpec? ReadProxy(YamlNode item, string path, Dictionary<string, YamlNode> firstSeen)
    {
        YamlNode? nameNode, settingsNode = null;
        string namePath = path;
        if (item is YamlMappingNode)
        {
            var p = _r.Mapping(item, path, ["name", "settings"], ["name"]);
            if (p is null) return null;
            nameNode = p.GetPresent("name");
            namePath = p.PathOf("name");
            settingsNode = p.GetPresent("settings");
        }
        else
        {
            nameNode = item;
        }

        string? name = nameNode is null ? null : _r.Name(nameNode, namePath);
        var settings = settingsNode is null ? HyperparameterSet.Empty : _r.Set(settingsNode, StudyYamlReader.Join(path, "settings"));
        if (name is null || settings is null) return null;

        if (firstSeen.TryGetValue(name, out var first))
        {
            _r.Error(nameNode!, namePath, $"proxy '{name}' is listed twice (first listed at {first.Start.Line}:{first.Start.Column})");
            return null;
        }
        firstSeen[name] = nameNode!;
        if (!_catalog.ProxyNames.Contains(name))
        {
            _r.Error(nameNode!, namePath, $"unknown proxy '{name}'{NameSuggestions.Hint(name, _catalog.ProxyNames, "known proxies")}");
            return null;
        }
        bool ok = true;
        foreach (var problem in _catalog.ValidateProxySettings(name, settings).Distinct())
        {
            _r.Error(settingsNode ?? nameNode!, StudyYamlReader.Join(path, "settings"), problem);
            ok = false;
        }
        return ok ? new ProxySpec(name, settings) : null;
    }
}
