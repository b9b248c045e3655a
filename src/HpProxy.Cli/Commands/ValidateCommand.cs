using System.Globalization;
using HpProxy.Cli.Parsing;

namespace HpProxy.Cli.Commands;

/// <summary><c>hpproxy validate &lt;study.yaml&gt;</c>: what <c>run</c> checks and plans, without writing or running
/// anything (exit 0 when valid, 2 with every error located otherwise).</summary>
internal static class ValidateCommand
{
    public static int Execute(ParsedCommand cmd, CliContext ctx)
    {
        string path = cmd.Positional(0);
        var s = StudyFileLoading.LoadValid(ctx, path, "");
        if (s is null) return ExitCodes.BadInput;
        ctx.Out.WriteLine($"study {s.Name}: valid, {s.Runs.Count} runs");
        foreach (var g in s.Runs.GroupBy(r => (r.Task, r.Demonstrations, r.Algorithm)).OrderBy(g => g.Key))
        {
            int configs = g.Select(r => r.ConfigId).Distinct().Count();
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {g.Key.Task} / {g.Key.Demonstrations} / {g.Key.Algorithm}: {configs} configurations, {g.Count()} runs"));
        }
        return ExitCodes.Ok;
    }
}
