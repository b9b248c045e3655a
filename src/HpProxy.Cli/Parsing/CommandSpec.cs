namespace HpProxy.Cli.Parsing;

/// <summary>A command's grammar: its name, required positional arguments and options.</summary>
public sealed record CommandSpec(
    string Name,
    string Summary,
    IReadOnlyList<string> Positionals,
    IReadOnlyList<OptionSpec> Options)
{
    /// <summary>Positionals whose name ends in '?' are optional (and come last).</summary>
    public int RequiredPositionals => Positionals.Count(p => !p.EndsWith('?'));

    public OptionSpec? FindOption(string name) => Options.FirstOrDefault(o => o.Name == name);

    public string UsageLine
    {
        get
        {
            var parts = new List<string> { "hpproxy", Name };
            parts.AddRange(Positionals.Select(p => p.EndsWith('?') ? $"[{p[..^1]}]" : $"<{p}>"));
            parts.AddRange(Options.Where(o => !o.Hidden).Select(o => $"[{o.Usage}]"));
            return string.Join(' ', parts);
        }
    }
}
