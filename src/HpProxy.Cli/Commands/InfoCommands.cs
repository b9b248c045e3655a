using HpProxy.Cli.Parsing;
using HpProxy.Cli.Wiring;

namespace HpProxy.Cli.Commands;

/// <summary><c>tasks</c>, <c>algorithms</c>, <c>proxies</c>, <c>version</c> and <c>help</c>.</summary>
internal static class InfoCommands
{
    public static int List(CliContext ctx, IReadOnlyList<CatalogEntry> entries)
    {
        int width = entries.Count == 0 ? 0 : entries.Max(e => e.Name.Length);
        foreach (var e in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            ctx.Out.WriteLine($"{e.Name.PadRight(width)}  {e.Description}");
        }
        return ExitCodes.Ok;
    }

    public static int Version(CliContext ctx)
    {
        ctx.Out.WriteLine($"hpproxy {ctx.Services.CodeVersion} (.NET {Environment.Version})");
        return ExitCodes.Ok;
    }

    public static int Help(ParsedCommand cmd, CliContext ctx)
    {
        if (cmd.Positionals.Count == 0)
        {
            WriteUsage(ctx.Out);
            return ExitCodes.Ok;
        }
        var spec = CommandTable.Find(cmd.Positional(0)) ?? throw new UsageException($"unknown command '{cmd.Positional(0)}'");
        WriteCommandUsage(ctx.Out, spec);
        return ExitCodes.Ok;
    }

    public static void WriteUsage(TextWriter w)
    {
        w.WriteLine("usage: hpproxy <command> [arguments] [options]");
        w.WriteLine();
        w.WriteLine("commands:");
        int width = CommandTable.All.Max(c => c.Name.Length);
        foreach (var c in CommandTable.All) w.WriteLine($"  {c.Name.PadRight(width)}  {c.Summary}");
        w.WriteLine();
        w.WriteLine("Study commands take --results DIR (default: results/ in the current directory).");
        w.WriteLine("hpproxy help <command> shows a command's options. Exit codes: 0 ok, 1 failure, 2 bad input.");
    }

    public static void WriteCommandUsage(TextWriter w, CommandSpec spec)
    {
        w.WriteLine($"usage: {spec.UsageLine}");
        w.WriteLine();
        w.WriteLine(spec.Summary);
        var options = spec.Options.Where(o => !o.Hidden).ToList();
        if (options.Count == 0) return;
        w.WriteLine();
        w.WriteLine("options:");
        int width = options.Max(o => o.Usage.Length);
        foreach (var o in options) w.WriteLine($"  {o.Usage.PadRight(width)}  {o.Description}");
    }
}
