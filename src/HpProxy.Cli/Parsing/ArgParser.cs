namespace HpProxy.Cli.Parsing;

/// <summary>
/// A small hand-written parser (no System.CommandLine: it is not needed for a dozen commands, and every worker
/// process starts through this path, so startup cost matters). Grammar: <c>command positional... [--opt value |
/// --opt=value | --flag]... [--] [positional...]</c>; options may come before, between or after positionals.
/// </summary>
public static class ArgParser
{
    public static ParsedCommand Parse(IReadOnlyList<string> args, IReadOnlyList<CommandSpec> commands)
    {
        if (args.Count == 0) throw new UsageException("no command given");
        string name = args[0];
        var spec = commands.FirstOrDefault(c => c.Name == name)
            ?? throw new UsageException($"unknown command '{name}'");

        var positionals = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        bool help = false, onlyPositionals = false;
        for (int i = 1; i < args.Count; i++)
        {
            string a = args[i];
            if (onlyPositionals || !a.StartsWith('-') || a == "-")
            {
                positionals.Add(a);
                continue;
            }
            if (a == "--")
            {
                onlyPositionals = true;
                continue;
            }
            if (a is "-h" or "--help")
            {
                help = true;
                continue;
            }
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unknown option '{a}' (options are spelt --name)", name);
            }
            string body = a[2..];
            string? inlineValue = null;
            int eq = body.IndexOf('=');
            if (eq >= 0)
            {
                inlineValue = body[(eq + 1)..];
                body = body[..eq];
            }
            var option = spec.FindOption(body) ?? throw new UsageException($"unknown option '--{body}' for '{name}'", name);
            if (options.ContainsKey(option.Name)) throw new UsageException($"--{option.Name} given twice", name);
            if (!option.TakesValue)
            {
                if (inlineValue is not null) throw new UsageException($"--{option.Name} takes no value", name);
                options[option.Name] = null;
                continue;
            }
            if (inlineValue is null)
            {
                if (i + 1 >= args.Count) throw new UsageException($"--{option.Name} needs a value ({option.ValueName})", name);
                inlineValue = args[++i];
            }
            if (inlineValue.Length == 0) throw new UsageException($"--{option.Name} needs a non-empty value", name);
            options[option.Name] = inlineValue;
        }

        if (!help)
        {
            if (positionals.Count < spec.RequiredPositionals)
            {
                throw new UsageException($"'{name}' needs <{spec.Positionals[positionals.Count]}>", name);
            }
            if (positionals.Count > spec.Positionals.Count)
            {
                throw new UsageException($"unexpected argument '{positionals[spec.Positionals.Count]}' for '{name}'", name);
            }
        }
        return new ParsedCommand(spec, positionals, options) { HelpRequested = help };
    }
}
