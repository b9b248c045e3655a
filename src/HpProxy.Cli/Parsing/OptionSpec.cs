namespace HpProxy.Cli.Parsing;

/// <summary>One <c>--option</c> of a command: a flag, or an option that takes a value (<c>--x V</c> or <c>--x=V</c>).</summary>
/// <param name="Name">Without the dashes.</param>
/// <param name="ValueName">The value's placeholder in usage (e.g. "DIR"), or null for a flag.</param>
/// <param name="Description">One line for help.</param>
/// <param name="Hidden">Left out of help (internal plumbing such as a worker's log file).</param>
public sealed record OptionSpec(string Name, string? ValueName, string Description, bool Hidden = false)
{
    public bool TakesValue => ValueName is not null;

    public string Usage => TakesValue ? $"--{Name} {ValueName}" : $"--{Name}";
}
