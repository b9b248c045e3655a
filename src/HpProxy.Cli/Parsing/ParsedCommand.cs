using System.Globalization;

namespace HpProxy.Cli.Parsing;

/// <summary>A command line that matched its <see cref="CommandSpec"/>.</summary>
public sealed class ParsedCommand(CommandSpec spec, IReadOnlyList<string> positionals, IReadOnlyDictionary<string, string?> options)
{
    public CommandSpec Spec { get; } = spec;

    public string Name => Spec.Name;

    public IReadOnlyList<string> Positionals { get; } = positionals;

    public IReadOnlyDictionary<string, string?> Options { get; } = options;

    /// <summary>True when <c>--help</c> was given: print this command's usage and stop.</summary>
    public bool HelpRequested { get; init; }

    public string Positional(int index) => Positionals[index];

    public bool Flag(string name) => Options.ContainsKey(name);

    public string? Value(string name) => Options.TryGetValue(name, out var v) ? v : null;

    public string ValueOr(string name, string fallback) => Value(name) ?? fallback;

    /// <summary>An integer option within [min, max], or <paramref name="fallback"/> when absent.</summary>
    public int Int(string name, int fallback, int min = 1, int max = 4096)
    {
        string? text = Value(name);
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
        {
            throw new UsageException($"--{name} must be an integer between {min} and {max}, not '{text}'", Name);
        }
        return n;
    }
}
